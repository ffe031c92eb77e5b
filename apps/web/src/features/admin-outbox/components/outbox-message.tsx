import type { OutboxMessageDetail } from '@lar/shared/api';
import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError } from '@/lib/api-client';
import { useOutboxMessage } from '../api/get-outbox-message';
import { useResendOutboxMessage } from '../api/resend-outbox-message';
import { AccessProblem, isAccessProblem } from './access-problem';
import { DateTime, StatusTag } from './format';
import { NextOrSent } from './outbox-list';

/** One message: every field, both parts, and "Send again" for a failed or sent one. */
export function OutboxMessage({ id }: { id: string }) {
  const message = useOutboxMessage(id);

  if (message.isPending) {
    return (
      <>
        <h1>Message</h1>
        <p role="status" className="loading">
          Loading the message…
        </p>
      </>
    );
  }
  if (message.isError) {
    const { error } = message;
    const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <>
        <h1>{notFound ? 'Message not found' : 'Message'}</h1>
        {isAccessProblem(error) ? (
          <AccessProblem error={error} />
        ) : notFound ? (
          <p>There is no message with this address in the outbox. Check the address is correct.</p>
        ) : (
          <p role="alert">Sorry, the message cannot be shown at the moment. Try again later.</p>
        )}
      </>
    );
  }
  return <MessageDetails message={message.data} />;
}

function resendErrorText(error: unknown): string {
  if (isAccessProblem(error)) {
    return 'Only the service desk can send a message again. Sign in with a service desk account.';
  }
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return error.message;
  return 'Sorry, the message could not be queued again. Try again later.';
}

function MessageDetails({ message }: { message: OutboxMessageDetail }) {
  const resend = useResendOutboxMessage(message.id);
  const outcome = useRef<HTMLDivElement>(null);
  const canResend = message.status === 'FAILED' || message.status === 'SENT';

  // After the action, take keyboard and screen-reader focus to what happened.
  useEffect(() => {
    if (resend.isSuccess || resend.isError) outcome.current?.focus();
  }, [resend.isSuccess, resend.isError]);

  return (
    <>
      {resend.isSuccess && (
        <div
          ref={outcome}
          className="notification-banner notification-banner--success"
          role="alert"
          aria-labelledby="resend-outcome-title"
          tabIndex={-1}
        >
          <h2 id="resend-outcome-title" className="notification-banner__title">
            Success
          </h2>
          <p className="notification-banner__heading">The message is queued to be sent again.</p>
        </div>
      )}
      {resend.isError && (
        <div
          ref={outcome}
          className="error-summary"
          role="alert"
          aria-labelledby="resend-outcome-title"
          tabIndex={-1}
        >
          <h2 id="resend-outcome-title" className="error-summary__title">
            There is a problem
          </h2>
          <p className="error-summary__body">{resendErrorText(resend.error)}</p>
        </div>
      )}

      <span className="caption">Mail outbox</span>
      <h1 className="break-words">{message.subject}</h1>

      <dl className="summary-list">
        <Row term="Status">
          <StatusTag status={message.status} />
        </Row>
        <Row term="Recipient">{message.to}</Row>
        <Row term="Template">{message.template}</Row>
        <Row term="Attempts">{message.attempts}</Row>
        <Row term="Created">
          <DateTime value={message.createdAt} />
        </Row>
        <Row term="Next attempt or sent">
          <NextOrSent message={message} />
        </Row>
        <Row term="Last error">
          {message.lastError ? <pre className="pre-wrap">{message.lastError}</pre> : 'None'}
        </Row>
        <Row term="Idempotency key">
          <code>{message.idempotencyKey}</code>
        </Row>
        <Row term="Message ID">
          <code>{message.id}</code>
        </Row>
      </dl>

      {canResend ? (
        <button
          type="button"
          className="button"
          // Not `disabled`: a disabled button drops keyboard focus.
          aria-disabled={resend.isPending || undefined}
          onClick={() => {
            if (!resend.isPending) resend.mutate();
          }}
        >
          {resend.isPending ? 'Sending again…' : 'Send again'}
        </button>
      ) : (
        <p className="inset-text">This message is waiting to be sent, so it cannot be sent again yet.</p>
      )}

      <h2>Plain text</h2>
      <pre className="pre-wrap mail-text">{message.text}</pre>

      <h2>HTML</h2>
      {/* An empty sandbox: no scripts, forms, popups or same-origin access for the mail's HTML. */}
      <iframe
        className="mail-html full-width"
        sandbox=""
        srcDoc={message.html}
        title={`HTML part of the message “${message.subject}”`}
      />
    </>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
