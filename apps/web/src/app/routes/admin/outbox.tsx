import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { DocumentTitle } from '@/components/ui/document-title';
import { outboxQueryOptions, parseOutboxFilter } from '@/features/admin-outbox/api/get-outbox';
import { OutboxList } from '@/features/admin-outbox/components/outbox-list';

/** Starts fetching the page of messages the address asks for; never waits or throws. */
export const clientLoader =
  (queryClient: QueryClient) =>
  ({ request }: LoaderFunctionArgs) => {
    void queryClient.prefetchQuery(outboxQueryOptions(parseOutboxFilter(new URL(request.url).searchParams)));
    return null;
  };

export default function AdminOutboxPage() {
  return (
    <>
      <DocumentTitle title="Mail outbox" />
      <h1>Mail outbox</h1>
      <p className="lead">
        Every email LAR sends, newest first: whether it was sent, how many attempts it took and why the last
        one failed. Open a message to read it or send it again.
      </p>
      <OutboxList />
    </>
  );
}
