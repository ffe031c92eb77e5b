import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { importQueryOptions } from '@/features/learners/api/get-imports';
import { ImportDetails } from '@/features/learners/components/import-details';
import { RequireRole } from '../../require-role';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    const importId = params.importId;
    if (importId && queryClient.getQueryData(meQueryOptions().queryKey)?.role === 'centre') {
      void queryClient.prefetchQuery(importQueryOptions(importId));
    }
    return null;
  };

/** `/learners/imports/:importId`, the address the "learners upload" email links to. */
export default function LearnerImportPage() {
  const importId = useParams().importId ?? '';
  return (
    <>
      <DocumentTitle title="Learners upload" />
      <Link to={paths.learnerImports.getHref()} className="back-link">
        Add new learners
      </Link>
      <RequireRole roles={['centre']}>
        <ImportDetails importId={importId} />
      </RequireRole>
    </>
  );
}
