import type { QueryClient } from '@tanstack/react-query';
import { DocumentTitle } from '@/components/ui/document-title';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { myRecordQueryOptions } from '@/features/my-record/api/get-record';
import { MyRecord } from '@/features/my-record/components/my-record';
import { RequireRole } from '../../require-role';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(meQueryOptions());
  if (queryClient.getQueryData(meQueryOptions().queryKey)?.role === 'learner') {
    void queryClient.prefetchQuery(myRecordQueryOptions());
  }
  return null;
};

/** `/my-record`: the learner's units, credit, qualifications, progress (with what-if) and progression. */
export default function MyRecordPage() {
  return (
    <>
      <DocumentTitle title="My record" />
      <h1>My record</h1>
      <RequireRole roles={['learner']}>
        <p className="lead">
          Your learner achievement record: every unit you have achieved, the qualifications you have been
          awarded, and how close you are to others.
        </p>
        <MyRecord />
      </RequireRole>
    </>
  );
}
