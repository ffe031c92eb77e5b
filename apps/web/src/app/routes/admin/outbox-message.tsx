import type { QueryClient } from '@tanstack/react-query';
import { Link, type LoaderFunctionArgs, useLocation, useParams } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { paths } from '@/config/paths';
import { outboxMessageQueryOptions } from '@/features/admin-outbox/api/get-outbox-message';
import { OutboxMessage } from '@/features/admin-outbox/components/outbox-message';

export const clientLoader =
  (queryClient: QueryClient) =>
  ({ params }: LoaderFunctionArgs) => {
    if (params.id) void queryClient.prefetchQuery(outboxMessageQueryOptions(params.id));
    return null;
  };

export default function AdminOutboxMessagePage() {
  const { id = '' } = useParams();
  // Back to the list as it was (filter and page), when the user came from it.
  const state = useLocation().state as { listSearch?: unknown } | null;
  const listSearch = typeof state?.listSearch === 'string' ? state.listSearch : '';
  return (
    <>
      <DocumentTitle title="Message – Mail outbox" />
      <p>
        <Link to={`${paths.adminOutbox.getHref()}${listSearch}`} className="back-link">
          Back to the mail outbox
        </Link>
      </p>
      <OutboxMessage key={id} id={id} />
    </>
  );
}
