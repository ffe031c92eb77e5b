import type { AccountRequest } from '@lar/shared/api';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadedList } from '@/components/ui/access-problem';
import { ActionOutcome, type ReportOutcome, useActionOutcome } from '@/components/ui/action-outcome';
import { DateTime } from '@/components/ui/date-time';
import { InlineReasonForm } from '@/components/ui/reason-form';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { formErrorsFrom } from '@/lib/form-errors';
import { useApproveAccountRequest, useDeclineAccountRequest } from '../api/decide-account-request';
import {
  ACCOUNT_REQUEST_STATUSES,
  type AccountRequestStatus,
  parseAccountRequestStatus,
  useAccountRequests,
} from '../api/get-account-requests';
import { organisationTypeLabels } from './request-access-form';

const tabLabels: Record<AccountRequestStatus, string> = {
  PENDING: 'Pending',
  APPROVED: 'Approved',
  DECLINED: 'Declined',
};

/** Requests for organisation accounts by status, with Approve and Decline for pending ones. */
export function AccountRequestList() {
  const [searchParams] = useSearchParams();
  const status = parseAccountRequestStatus(searchParams);
  const requests = useAccountRequests(status);
  const { outcome, report, clear } = useActionOutcome();

  return (
    <>
      <ActionOutcome outcome={outcome} formId="account-request-action" />
      <nav aria-label="Requests by status" className="filter full-width">
        <ul className="filter__list">
          {ACCOUNT_REQUEST_STATUSES.map((tab) => (
            <li key={tab}>
              <Link
                to={paths.adminAccountRequests.getHref({ status: tab })}
                className="filter__link"
                aria-current={tab === status ? 'page' : undefined}
                onClick={() => clear()}
              >
                <span className="filter__label">{tabLabels[tab]}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LoadedList query={requests} loading="Loading requests…" what="account requests">
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">No {tabLabels[status].toLowerCase()} requests.</p>
          ) : (
            <ScrollTable
              label="Account requests"
              wide
              caption={<>{tabLabels[status]} requests, oldest first</>}
              head={[
                'Received',
                'Name',
                'Organisation',
                'Contact',
                status === 'PENDING' ? 'Decision' : 'Decided',
              ]}
            >
              {data.items.map((request) => (
                <RequestRow key={request.id} request={request} report={report} />
              ))}
            </ScrollTable>
          )
        }
      </LoadedList>
    </>
  );
}

function RequestRow({ request, report }: { request: AccountRequest; report: ReportOutcome }) {
  const approve = useApproveAccountRequest();
  const [declining, setDeclining] = useState(false);
  const who = `${request.fullName} (${request.organisationName})`;
  return (
    <>
      <tr>
        <td className="table__nowrap">
          <DateTime value={request.createdAt} />
        </td>
        <td className="table__break">
          {request.fullName}
          <span className="secondary-text">{request.email}</span>
        </td>
        <td className="table__break">
          {request.organisationName}
          <span className="secondary-text">
            {organisationTypeLabels[request.organisationType] ?? request.organisationType}
          </span>
          <span className="secondary-text">
            {request.codeType} {request.centreCode}
          </span>
        </td>
        <td className="table__break">
          <span className="pre-line">{request.address}</span>
          <span className="secondary-text">{request.phone}</span>
        </td>
        <td>
          {request.status === 'PENDING' ? (
            <div className="button-group">
              <button
                type="button"
                className="button"
                aria-disabled={approve.isPending || undefined}
                aria-label={`Approve the request from ${who}`}
                onClick={() => {
                  if (approve.isPending) return;
                  // A promise rather than `mutate` callbacks: the row leaves the Pending list when it refreshes.
                  approve.mutateAsync(request.id).then(
                    () =>
                      report(
                        'success',
                        `Request from ${who} approved. We have emailed them their User ID and password.`,
                      ),
                    (error: unknown) => report('error', formErrorsFrom(error, []).general ?? ''),
                  );
                }}
              >
                {approve.isPending ? 'Approving…' : 'Approve'}
              </button>
              <button
                type="button"
                className="button button--secondary"
                aria-expanded={declining}
                aria-controls={`decline-${request.id}`}
                aria-label={`Decline the request from ${who}`}
                onClick={() => setDeclining((open) => !open)}
              >
                Decline
              </button>
            </div>
          ) : (
            <>
              <DateTime value={request.decidedAt} fallback="–" />
              {request.declineReason && (
                <span className="secondary-text">Reason: {request.declineReason}</span>
              )}
            </>
          )}
        </td>
      </tr>
      {declining && request.status === 'PENDING' && (
        <tr id={`decline-${request.id}`}>
          <td colSpan={5}>
            <DeclineForm request={request} who={who} report={report} onCancel={() => setDeclining(false)} />
          </td>
        </tr>
      )}
    </>
  );
}

function DeclineForm({
  request,
  who,
  report,
  onCancel,
}: {
  request: AccountRequest;
  who: string;
  report: ReportOutcome;
  onCancel: () => void;
}) {
  const decline = useDeclineAccountRequest();
  return (
    <InlineReasonForm
      formId={`decline-${request.id}-form`}
      title={`Decline the request from ${who}`}
      question={`Why are you declining the request from ${who}?`}
      hint="It is kept with the request and shown to the service desk."
      missing="Enter why you are declining the request"
      submitText="Decline request"
      pendingText="Declining…"
      pending={decline.isPending}
      send={(reason) => decline.mutateAsync({ id: request.id, reason })}
      succeeded={`Request from ${who} declined.`}
      // Already decided elsewhere: the row leaves this list, so say so above it.
      settledElsewhere={(error) =>
        error instanceof ApiError && error.code === 'CONFLICT' ? error.message : undefined
      }
      report={report}
      onCancel={onCancel}
    />
  );
}
