import type { QueryClient } from '@tanstack/react-query';
import { DocumentTitle } from '@/components/ui/document-title';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { SelectLar } from '@/features/select-lar/components/select-lar';
import { RequireRole } from '../../require-role';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(meQueryOptions());
  return null;
};

/** `/select-lar` (emails link here): a centre or third party views what a learner shares with them. */
export default function SelectLarPage() {
  return (
    <>
      <DocumentTitle title="Select LAR" />
      <h1>Select LAR</h1>
      <RequireRole roles={['centre', 'third_party']}>
        <p className="lead">
          See the parts of a learner’s record that the learner has given your organisation permission to see.
          Each view is recorded, and the learner can see it.
        </p>
        <SelectLar />
      </RequireRole>
    </>
  );
}
