import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs, useSearchParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { parsePage } from '@/components/ui/pagination';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { accessLogQueryOptions } from '@/features/my-record/api/get-access-log';
import { AccessLog, ViewEmailSetting } from '@/features/my-record/components/access-log';
import { RequireRole } from '../../require-role';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(meQueryOptions());
    if (queryClient.getQueryData(meQueryOptions().queryKey)?.role === 'learner') {
      const page = parsePage(new URL(request.url).searchParams.get('page'));
      void queryClient.prefetchQuery(accessLogQueryOptions(page));
    }
    return null;
  };

/** `/my-record/access-log` (emails link here): every organisation's view of the record, and the email setting. */
export default function AccessLogPage() {
  const [searchParams] = useSearchParams();
  const page = parsePage(searchParams.get('page'));
  return (
    <>
      <DocumentTitle title="Who has viewed your record" />
      <Link to={paths.myRecord.getHref()} className="back-link">
        My record
      </Link>
      <h1>Who has viewed your record</h1>
      <RequireRole roles={['learner']}>
        <p className="lead">
          Each time a centre or employer looks at your record with your{' '}
          <Link to={paths.myPermissions.getHref()}>permission</Link>, it is listed here, newest first.
        </p>
        <AccessLog page={page} />
        <ViewEmailSetting />
      </RequireRole>
    </>
  );
}
