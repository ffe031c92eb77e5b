import type { SqlClient } from '../db/sql-client';
import { backoffMs } from '../lib/backoff';
import { isEmailAddress } from '../lib/email-address';
import { type PollLoop, startPollLoop } from '../lib/poll-loop';
import { messageBody, messageIdFor, queueBatchedMail } from './outbox';
import { REDACTED_BODY, sensitiveTemplates } from './templates';
import type { MailTransport } from './transport';

export interface ClaimedMessage {
  id: string;
  idempotencyKey: string;
  template: string;
  to: string;
  subject: string;
  /** Null for a message rendered at sending from `data`. */
  text: string | null;
  html: string | null;
  data: unknown;
  attempts: number;
}

export interface MailWorkerOptions {
  sql: SqlClient;
  transport: MailTransport;
  from: string;
  publicUrl: string;
  /** How long a claim holds: a process that dies after claiming frees its messages after this. */
  leaseMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  pollMs?: number;
  backoff?: (attempt: number) => number;
  /**
   * While this says so (a background job, such as an import, is running in the same process), passes
   * are spaced `YIELD_GAP_MS` apart, so that bulk mail does not take the job's thread; mail recorded by
   * a request still goes out at once, since the request wakes the worker.
   */
  yieldWhile?: () => boolean;
  log?: {
    info(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
}

/**
 * Claims due messages, each claim held for `leaseMs`. `FOR UPDATE SKIP LOCKED` lets any number of
 * workers claim side by side without taking the same message; the lease makes a crashed worker's
 * messages due again.
 */
export function claimDueMessages(sql: SqlClient, { batchSize = 20, leaseMs = 60_000 } = {}) {
  return sql.query<ClaimedMessage>(
    `UPDATE "OutboxMessage" m
        SET "lockedUntil" = now() + make_interval(secs => $2::double precision / 1000),
            "attempts" = m."attempts" + 1, "updatedAt" = now()
      WHERE m.id IN (SELECT id FROM "OutboxMessage"
                      WHERE status = 'PENDING' AND "nextAttemptAt" <= now()
                        AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
                      ORDER BY "nextAttemptAt" LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING m.id, m."idempotencyKey", m.template, m."to", m.subject, m.text, m.html, m.data, m.attempts`,
    [batchSize, leaseMs],
  );
}

/** A recipient no mail server could ever accept: failing fast beats retrying for hours. */
function permanentProblem(message: ClaimedMessage): string | undefined {
  const address = message.to.trim();
  if (!isEmailAddress(address)) {
    return `Invalid recipient address "${message.to}": it must look like name@example.org`;
  }
  return undefined;
}

type Outcome = { ok: true } | { ok: false; reason: string; permanent: boolean };

async function attemptSend(message: ClaimedMessage, options: MailWorkerOptions): Promise<Outcome> {
  const problem = permanentProblem(message);
  if (problem) return { ok: false, reason: problem, permanent: true };
  let body: { text: string; html: string };
  try {
    body = messageBody(message, { publicUrl: options.publicUrl });
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error), permanent: true };
  }
  try {
    await options.transport.send({
      from: options.from,
      to: message.to,
      subject: message.subject,
      ...body,
      messageId: messageIdFor(message.idempotencyKey, options.publicUrl),
    });
    return { ok: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, reason, permanent: isPermanentSmtpError(error) };
  }
}

/** Marks the batch's sent messages in one statement; failures go back to the queue or fail for good. */
async function recordOutcomes(batch: ClaimedMessage[], outcomes: Outcome[], options: MailWorkerOptions) {
  const { sql, maxAttempts = 8, backoff = (n: number) => backoffMs(n) } = options;
  const sent = batch.filter((_, i) => outcomes[i]?.ok);
  if (sent.length > 0) {
    // Passwords and single-use links leave the database once delivered.
    await sql.query(
      `UPDATE "OutboxMessage" SET status = 'SENT', "sentAt" = now(), "lockedUntil" = NULL, "lastError" = NULL,
              text = CASE WHEN id = ANY($2::uuid[]) THEN $3 ELSE text END,
              html = CASE WHEN id = ANY($2::uuid[]) THEN $4 ELSE html END,
              data = CASE WHEN id = ANY($2::uuid[]) THEN NULL ELSE data END,
              "updatedAt" = now() WHERE id = ANY($1::uuid[])`,
      [
        sent.map((m) => m.id),
        sent.filter((m) => sensitiveTemplates.has(m.template)).map((m) => m.id),
        REDACTED_BODY,
        `<p>${REDACTED_BODY}</p>`,
      ],
    );
  }
  for (const [i, message] of batch.entries()) {
    const outcome = outcomes[i];
    if (!outcome || outcome.ok) continue;
    const giveUp = outcome.permanent || message.attempts >= maxAttempts;
    await sql.query(
      `UPDATE "OutboxMessage" SET status = $2::"OutboxStatus", "lastError" = $3, "lockedUntil" = NULL,
              "nextAttemptAt" = now() + make_interval(secs => $4::double precision / 1000), "updatedAt" = now()
        WHERE id = $1`,
      [
        message.id,
        giveUp ? 'FAILED' : 'PENDING',
        outcome.reason.slice(0, 2_000),
        giveUp ? 0 : backoff(message.attempts),
      ],
    );
    options.log?.warn(
      { messageId: message.id, attempt: message.attempts, giveUp, reason: outcome.reason },
      'mail not sent',
    );
  }
}

/** SMTP 5xx replies to the recipient are final (no such user, rejected address); 4xx are worth retrying. */
function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600 && code !== 554;
}

/**
 * One pass: claim a batch and send it. When fewer are due than a batch holds, the next outbox batch
 * (bulk mail) is queued first, for the next pass. Returns how many messages it handled, plus one for
 * a queued batch (so the loop goes on without sleeping).
 */
export async function deliverDueMail(options: MailWorkerOptions): Promise<number> {
  const claimed = await claimDueMessages(options.sql, options);
  const queued = claimed.length < (options.batchSize ?? 20) && (await queueBatchedMail(options.sql));
  const outcomes = await Promise.all(claimed.map((message) => attemptSend(message, options)));
  await recordOutcomes(claimed, outcomes, options);
  return claimed.length + (queued ? 1 : 0);
}

/** The gap between passes while the mail worker yields: at most a batch (20 messages) a second. */
export const YIELD_GAP_MS = 1_000;

export function startMailWorker(options: MailWorkerOptions): PollLoop {
  return startPollLoop({
    pass: () => deliverDueMail(options),
    pollMs: options.pollMs ?? 1_000,
    gapMs: () => (options.yieldWhile?.() ? YIELD_GAP_MS : 0),
    onError: (error) => options.log?.error({ err: error }, 'mail worker pass failed; retrying'),
  });
}
