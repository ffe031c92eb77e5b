import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { catalogueQualificationQueryOptions } from '@/features/catalogue/api/get-qualification';
import { QualificationDetails } from '@/features/catalogue/components/qualification-details';
import { RequireRole } from '../../require-role';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    if (params.id && queryClient.getQueryData(meQueryOptions().queryKey)) {
      void queryClient.prefetchQuery(catalogueQualificationQueryOptions(params.id));
    }
    return null;
  };

/** `/catalogue/qualifications/:id`: a qualification and its rules of combination in words. */
export default function CatalogueQualificationPage() {
  const id = useParams().id ?? '';
  return (
    <>
      <DocumentTitle title="Qualification" />
      <Link to={paths.catalogue.getHref()} className="back-link">
        Catalogue
      </Link>
      <RequireRole>
        <QualificationDetails id={id} />
      </RequireRole>
    </>
  );
}
