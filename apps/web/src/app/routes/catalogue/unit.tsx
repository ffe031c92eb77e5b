import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { catalogueUnitQueryOptions } from '@/features/catalogue/api/get-unit';
import { UnitDetails } from '@/features/catalogue/components/unit-details';
import { RequireRole } from '../../require-role';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    if (params.id && queryClient.getQueryData(meQueryOptions().queryKey)) {
      void queryClient.prefetchQuery(catalogueUnitQueryOptions(params.id));
    }
    return null;
  };

/** `/catalogue/units/:id`: a unit and the qualifications that use it. */
export default function CatalogueUnitPage() {
  const id = useParams().id ?? '';
  return (
    <>
      <DocumentTitle title="Unit" />
      <Link to={paths.catalogue.getHref({ tab: 'units' })} className="back-link">
        Catalogue units
      </Link>
      <RequireRole>
        <UnitDetails id={id} />
      </RequireRole>
    </>
  );
}
