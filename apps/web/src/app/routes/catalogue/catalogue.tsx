import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { meQueryOptions, useMe } from '@/features/auth/api/get-me';
import {
  catalogueQualificationsQueryOptions,
  catalogueUnitsQueryOptions,
  parseCatalogueFilter,
} from '@/features/catalogue/api/get-catalogue';
import { CatalogueSearch } from '@/features/catalogue/components/catalogue-search';
import { RequireRole } from '../../require-role';

/** Starts fetching the page of qualifications or units the address asks for; never waits or throws. */
export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    if (queryClient.getQueryData(meQueryOptions().queryKey)) {
      const filter = parseCatalogueFilter(new URL(request.url).searchParams);
      if (filter.tab === 'units') void queryClient.prefetchQuery(catalogueUnitsQueryOptions(filter));
      else void queryClient.prefetchQuery(catalogueQualificationsQueryOptions(filter));
    }
    return null;
  };

/** For the roles that publish the catalogue: where to import a file. */
function ImportLink() {
  const role = useMe().data?.role;
  if (role !== 'administrator' && role !== 'awarding_organisation') return null;
  return (
    <p>
      <Link to={paths.catalogueImport.getHref()} className="strong-link">
        Import a catalogue file
      </Link>{' '}
      of units and qualifications.
    </p>
  );
}

export default function CataloguePage() {
  return (
    <>
      <DocumentTitle title="Catalogue" />
      <h1>Catalogue</h1>
      <RequireRole>
        <p className="lead">
          The units and qualifications that awarding organisations publish on LAR, with each qualification’s
          rules of combination.
        </p>
        <ImportLink />
        <CatalogueSearch />
      </RequireRole>
    </>
  );
}
