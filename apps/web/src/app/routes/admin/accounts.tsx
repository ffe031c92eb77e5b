import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { accountsQueryOptions } from '@/features/admin-accounts/api/get-accounts';
import { AccountList } from '@/features/admin-accounts/components/account-list';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { RequireRole } from '../../require-role';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    const me = queryClient.getQueryData(meQueryOptions().queryKey);
    if (me?.role === 'administrator') {
      const query = new URL(request.url).searchParams.get('query')?.trim() ?? '';
      void queryClient.prefetchQuery(accountsQueryOptions(query));
    }
    return null;
  };

export default function AdminAccountsPage() {
  return (
    <>
      <DocumentTitle title="Accounts" />
      <h1>Accounts</h1>
      <RequireRole roles={['administrator']}>
        <p className="lead">
          Find an organisation account to disable or enable it, or to reset its password.
        </p>
        <AccountList />
      </RequireRole>
    </>
  );
}
