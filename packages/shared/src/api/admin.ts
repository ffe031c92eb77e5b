import { type Static, Type } from '@sinclair/typebox';

export const OutboxStatus = Type.Union([
  Type.Literal('PENDING'),
  Type.Literal('SENT'),
  Type.Literal('FAILED'),
]);
export type OutboxStatus = Static<typeof OutboxStatus>;

const Timestamp = Type.String({ format: 'date-time' });

export const OutboxMessageSummary = Type.Object(
  {
    id: Type.String(),
    template: Type.String(),
    to: Type.String(),
    subject: Type.String(),
    status: OutboxStatus,
    attempts: Type.Integer(),
    lastError: Type.Union([Type.String(), Type.Null()]),
    nextAttemptAt: Timestamp,
    sentAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'OutboxMessageSummary' },
);
export type OutboxMessageSummary = Static<typeof OutboxMessageSummary>;

export const OutboxMessageDetail = Type.Composite(
  [
    OutboxMessageSummary,
    Type.Object({ idempotencyKey: Type.String(), text: Type.String(), html: Type.String() }),
  ],
  { $id: 'OutboxMessageDetail' },
);
export type OutboxMessageDetail = Static<typeof OutboxMessageDetail>;

export const Paging = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export const OutboxQuery = Type.Composite([Paging, Type.Object({ status: Type.Optional(OutboxStatus) })]);
export type OutboxQuery = Static<typeof OutboxQuery>;

export const OutboxPage = Type.Object(
  {
    items: Type.Array(OutboxMessageSummary),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    counts: Type.Object({ PENDING: Type.Integer(), SENT: Type.Integer(), FAILED: Type.Integer() }),
    batched: Type.Integer({
      description:
        "Emails written in batches (a learners import's welcome emails) that are not messages yet: the " +
        'mail worker makes them messages when fewer than 1,000 wait.',
    }),
  },
  { $id: 'OutboxPage' },
);
export type OutboxPage = Static<typeof OutboxPage>;

export const JobStatus = Type.Union(
  ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'].map((s) => Type.Literal(s)),
);

export const JobSummary = Type.Object(
  {
    id: Type.String(),
    queue: Type.String(),
    status: Type.String(),
    attempts: Type.Integer(),
    maxAttempts: Type.Integer(),
    progressDone: Type.Integer(),
    progressTotal: Type.Union([Type.Integer(), Type.Null()]),
    lastError: Type.Union([Type.String(), Type.Null()]),
    runAt: Timestamp,
    finishedAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
  },
  { $id: 'JobSummary' },
);
export type JobSummary = Static<typeof JobSummary>;

export const JobsQuery = Type.Composite([
  Paging,
  Type.Object({ status: Type.Optional(JobStatus), queue: Type.Optional(Type.String({ maxLength: 100 })) }),
]);

export const JobsPage = Type.Object(
  { items: Type.Array(JobSummary), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() },
  { $id: 'JobsPage' },
);
export type JobsPage = Static<typeof JobsPage>;
