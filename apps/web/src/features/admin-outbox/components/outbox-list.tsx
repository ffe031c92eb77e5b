import type { OutboxMessageSummary, OutboxPage, OutboxStatus } from '@lar/shared/api';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import { OUTBOX_STATUSES, type OutboxFilter, parseOutboxFilter, useOutbox } from '../api/get-outbox';
import { AccessProblem, isAccessProblem } from './access-problem';
import { DateTime, StatusTag, statusLabels } from './format';

const ERROR_PREVIEW_LENGTH = 60;

/** The mail outbox: filter by status, one page of messages, and the way to the next page. */
export function OutboxList() {
  const [searchParams] = useSearchParams();
  const filter = parseOutboxFilter(searchParams);
  const outbox = useOutbox(filter);

  if (outbox.isPending) {
    return (
      <p role="status" className="loading">
        Loading messages…
      </p>
    );
  }
  if (outbox.isError) {
    if (isAccessProblem(outbox.error)) return <AccessProblem error={outbox.error} />;
    return (
      <div role="alert" className="inset-text">
        <p>Sorry, the mail outbox cannot be shown at the moment. Try again later.</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            if (!outbox.isFetching) void outbox.refetch();
          }}
        >
          {outbox.isFetching ? 'Trying again…' : 'Try again'}
        </button>
      </div>
    );
  }

  const data = outbox.data;
  return (
    <>
      <StatusFilter filter={filter} counts={data.counts} />
      {data.batched > 0 && (
        <p className="hint">
          {data.batched.toLocaleString('en-GB')} {data.batched === 1 ? 'email is' : 'emails are'} waiting in
          batches (a learners upload's welcome emails): they become messages here as the queue drains.
        </p>
      )}
      <div aria-live="polite" className="visually-hidden">
        {outbox.isPlaceholderData ? 'Loading messages…' : ''}
      </div>
      <Messages filter={filter} data={data} />
    </>
  );
}

function StatusFilter({ filter, counts }: { filter: OutboxFilter; counts: OutboxPage['counts'] }) {
  const all = counts.PENDING + counts.SENT + counts.FAILED;
  const options: { status?: OutboxStatus; label: string; count: number }[] = [
    { label: 'All', count: all },
    ...OUTBOX_STATUSES.map((status) => ({ status, label: statusLabels[status], count: counts[status] })),
  ];
  return (
    <nav aria-label="Filter by status" className="filter full-width">
      <ul className="filter__list">
        {options.map(({ status, label, count }) => (
          <li key={label}>
            <Link
              to={paths.adminOutbox.getHref({ status })}
              className="filter__link"
              aria-current={filter.status === status ? 'page' : undefined}
            >
              <span className="filter__label">{label}</span> <span className="filter__count">{count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Messages({ filter, data }: { filter: OutboxFilter; data: OutboxPage }) {
  const { search } = useLocation();
  const totalPages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const which = filter.status ? `${statusLabels[filter.status].toLowerCase()} ` : '';

  if (data.total === 0) {
    return <p className="empty">{filter.status ? `No ${which}messages.` : 'No messages in the outbox.'}</p>;
  }
  if (data.items.length === 0) {
    return (
      <p className="empty">
        There are no messages on this page.{' '}
        <Link to={paths.adminOutbox.getHref({ status: filter.status })}>Go to the first page</Link>
      </p>
    );
  }

  const caption = `${filter.status ? statusLabels[filter.status] : 'All'} messages, newest first${
    totalPages > 1 ? ` (page ${filter.page} of ${totalPages})` : ''
  }`;
  return (
    <>
      <ScrollTable
        label="Messages"
        wide
        caption={caption}
        head={[
          'Created',
          'Recipient',
          'Subject',
          'Status',
          { label: 'Attempts', numeric: true },
          'Next attempt or sent',
          'Last error',
        ]}
      >
        {data.items.map((message) => (
          <Row key={message.id} message={message} search={search} />
        ))}
      </ScrollTable>
      {totalPages > 1 && <Pagination filter={filter} totalPages={totalPages} />}
    </>
  );
}

function Row({ message, search }: { message: OutboxMessageSummary; search: string }) {
  return (
    <tr>
      <td className="table__nowrap">
        <DateTime value={message.createdAt} />
      </td>
      <td className="table__break">{message.to}</td>
      <td>
        <Link to={paths.adminOutboxMessage.getHref(message.id)} state={{ listSearch: search }}>
          {message.subject}
        </Link>
        <span className="secondary-text">{message.template}</span>
      </td>
      <td>
        <StatusTag status={message.status} />
      </td>
      <td className="table__numeric">{message.attempts}</td>
      <td>
        <NextOrSent message={message} />
      </td>
      <td className="table__break">
        <LastError text={message.lastError} />
      </td>
    </tr>
  );
}

export function NextOrSent({ message }: { message: OutboxMessageSummary }) {
  if (message.status === 'SENT' && message.sentAt) {
    return (
      <>
        Sent <DateTime value={message.sentAt} />
      </>
    );
  }
  if (message.status === 'PENDING') {
    return (
      <>
        Next <DateTime value={message.nextAttemptAt} />
      </>
    );
  }
  return <>No more attempts</>;
}

/** Long errors show their start; the whole text is one keypress away. */
function LastError({ text }: { text: string | null }) {
  if (!text) {
    return (
      <>
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">None</span>
      </>
    );
  }
  if (text.length <= ERROR_PREVIEW_LENGTH) return <>{text}</>;
  return (
    <details className="truncated">
      <summary>
        {text.slice(0, ERROR_PREVIEW_LENGTH).trimEnd()}…<span className="visually-hidden"> (show all)</span>
      </summary>
      <p className="truncated__full">{text}</p>
    </details>
  );
}

function Pagination({ filter, totalPages }: { filter: OutboxFilter; totalPages: number }) {
  const { status, page } = filter;
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 && (
        <Link to={paths.adminOutbox.getHref({ status, page: Math.min(page - 1, totalPages) })} rel="prev">
          Previous<span className="visually-hidden"> page</span>
        </Link>
      )}
      <span className="pagination__current">
        Page {page} of {totalPages}
      </span>
      {page < totalPages && (
        <Link to={paths.adminOutbox.getHref({ status, page: page + 1 })} rel="next">
          Next<span className="visually-hidden"> page</span>
        </Link>
      )}
    </nav>
  );
}
