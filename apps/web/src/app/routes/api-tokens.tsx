import type { QueryClient } from '@tanstack/react-query';
import { DocumentTitle } from '@/components/ui/document-title';
import { apiTokensQueryOptions } from '@/features/api-tokens/api/get-api-tokens';
import { ApiTokens } from '@/features/api-tokens/components/api-tokens';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { RequireRole } from '../require-role';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(meQueryOptions());
  if (queryClient.getQueryData(meQueryOptions().queryKey)?.role === 'awarding_organisation') {
    void queryClient.prefetchQuery(apiTokensQueryOptions());
  }
  return null;
};

export default function ApiTokensPage() {
  return (
    <>
      <DocumentTitle title="API tokens" />
      <h1>API tokens</h1>
      <RequireRole roles={['awarding_organisation']}>
        <p className="lead">
          Your organisation’s systems use an API token to record learners’ unit achievements through the LAR
          API. Give each system its own token, so you can revoke one without stopping the others.
        </p>
        <ApiTokens />
      </RequireRole>
    </>
  );
}
