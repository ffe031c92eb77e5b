import type { QueryClient } from '@tanstack/react-query';
import { DocumentTitle } from '@/components/ui/document-title';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { myQualificationsQueryOptions } from '@/features/my-record/api/get-qualifications';
import { MyQualifications } from '@/features/my-record/components/my-qualifications';
import { RequireRole } from '../../require-role';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(meQueryOptions());
  if (queryClient.getQueryData(meQueryOptions().queryKey)?.role === 'learner') {
    void queryClient.prefetchQuery(myQualificationsQueryOptions());
  }
  return null;
};

/** `/my-record/qualifications`: the learner's awarded qualifications and the units that achieved them. */
export default function MyQualificationsPage() {
  return (
    <>
      <DocumentTitle title="My qualifications" />
      <h1>My qualifications</h1>
      <RequireRole roles={['learner']}>
        <p className="lead">
          The qualifications you have been awarded, with the units that achieved each one.
        </p>
        <MyQualifications />
      </RequireRole>
    </>
  );
}
