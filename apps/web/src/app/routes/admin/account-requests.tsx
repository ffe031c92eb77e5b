import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import {
  accountRequestsQueryOptions,
  parseAccountRequestStatus,
} from '@/features/account-requests/api/get-account-requests';
import { AccountRequestList } from '@/features/account-requests/components/account-request-list';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { RequireRole } from '../../require-role';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    const me = queryClient.getQueryData(meQueryOptions().queryKey);
    if (me?.role === 'administrator') {
      void queryClient.prefetchQuery(
        accountRequestsQueryOptions(parseAccountRequestStatus(new URL(request.url).searchParams)),
      );
    }
    return null;
  };

export default function AdminAccountRequestsPage() {
  return (
    <>
      <DocumentTitle title="Account requests" />
      <h1>Account requests</h1>
      <RequireRole roles={['administrator']}>
        <p className="lead">
          Organisations ask for accounts here. Approving a request creates the account and emails its User ID
          and a password; declining records the reason.
        </p>
        <AccountRequestList />
      </RequireRole>
    </>
  );
}
