import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { meQueryOptions, useMe } from '@/features/auth/api/get-me';
import { claimQueryOptions } from '@/features/claims/api/get-claim';
import { ClaimDetails } from '@/features/claims/components/claim-details';
import { RequireRole } from '../../require-role';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    const role = queryClient.getQueryData(meQueryOptions().queryKey)?.role;
    if (params.claimId && (role === 'centre' || role === 'awarding_organisation')) {
      void queryClient.prefetchQuery(claimQueryOptions(params.claimId));
    }
    return null;
  };

function Claim({ id }: { id: string }) {
  const role = useMe().data?.role;
  if (role !== 'centre' && role !== 'awarding_organisation') return null;
  return <ClaimDetails id={id} role={role} />;
}

/** `/claims/:claimId` (emails link here): one claim, and what the viewer's role can do with it. */
export default function ClaimPage() {
  const id = useParams().claimId ?? '';
  const role = useMe().data?.role;
  return (
    <>
      <DocumentTitle title="Claim" />
      <Link to={paths.claims.getHref()} className="back-link">
        {role === 'awarding_organisation' ? 'Claims to decide' : 'Possible Claims List'}
      </Link>
      <RequireRole roles={['centre', 'awarding_organisation']}>
        <Claim id={id} />
      </RequireRole>
    </>
  );
}
