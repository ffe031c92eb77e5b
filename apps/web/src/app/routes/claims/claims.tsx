import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { meQueryOptions, useMe } from '@/features/auth/api/get-me';
import { claimsQueryOptions, parseClaimsFilter } from '@/features/claims/api/get-claims';
import { ClaimList } from '@/features/claims/components/claim-list';
import { RequireRole } from '../../require-role';

/** Starts fetching the page of claims the address asks for; never waits or throws. */
export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    const role = queryClient.getQueryData(meQueryOptions().queryKey)?.role;
    if (role === 'centre' || role === 'awarding_organisation') {
      void queryClient.prefetchQuery(
        claimsQueryOptions(parseClaimsFilter(new URL(request.url).searchParams, role)),
      );
    }
    return null;
  };

/** The title by role: centres work through possible claims, awarding organisations decide them. */
const titleFor = (role: string | undefined) =>
  role === 'awarding_organisation' ? 'Claims to decide' : 'Possible Claims List';

function Claims() {
  const me = useMe().data;
  if (!me || (me.role !== 'centre' && me.role !== 'awarding_organisation')) return null;
  const centre = me.role === 'centre';
  return (
    <>
      <p className="lead">
        {centre
          ? `Qualifications that learners registered with ${me.organisation?.name ?? 'your centre'} have achieved the units for. Check each claim and submit it to the awarding organisation.`
          : 'Claims that centres have submitted for your qualifications. Open a claim to award the qualification or reject the claim.'}
      </p>
      <ClaimList role={me.role} />
    </>
  );
}

/** `/claims`: a centre's Possible Claims List, or the claims submitted to an awarding organisation. */
export default function ClaimsPage() {
  const role = useMe().data?.role;
  const title = titleFor(role);
  return (
    <>
      <DocumentTitle title={title} />
      <h1>{title}</h1>
      <RequireRole roles={['centre', 'awarding_organisation']}>
        <Claims />
      </RequireRole>
    </>
  );
}
