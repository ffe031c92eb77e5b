import type { QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { permissionsQueryOptions } from '@/features/permissions/api/get-permissions';
import { Permissions } from '@/features/permissions/components/permissions';
import { RequireRole } from '../../require-role';

export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(meQueryOptions());
  if (queryClient.getQueryData(meQueryOptions().queryKey)?.role === 'learner') {
    void queryClient.prefetchQuery(permissionsQueryOptions());
  }
  return null;
};

/** `/my-record/permissions` (emails link here): who may see which sections of the record, until when. */
export default function PermissionsPage() {
  return (
    <>
      <DocumentTitle title="Who can see your record" />
      <Link to={paths.myRecord.getHref()} className="back-link">
        My record
      </Link>
      <h1>Who can see your record</h1>
      <RequireRole roles={['learner']}>
        <p className="lead">
          Let a centre or an employer see parts of your record until a date you choose. You can take
          permission back at any time, and see each time they look on{' '}
          <Link to={paths.myAccessLog.getHref()}>who has viewed your record</Link>.
        </p>
        <Permissions />
      </RequireRole>
    </>
  );
}
