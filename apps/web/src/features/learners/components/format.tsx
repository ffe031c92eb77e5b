import type { ImportRowOutcome, ImportStatus } from '@lar/shared/api';

const numberFormat = new Intl.NumberFormat('en-GB');

/** A whole number as people in the UK write it: "12,000". */
export const formatNumber = (value: number) => numberFormat.format(value);

/** "1 learner", "2 learners". */
export const countOf = (count: number, singular: string, plural = `${singular}s`) =>
  `${formatNumber(count)} ${count === 1 ? singular : plural}`;

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar date (`YYYY-MM-DD`, as a date of birth) as people in the UK write it: "14 Mar 2004". */
export function CalendarDate({ value }: { value: string }) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return <>{value}</>;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return <time dateTime={value}>{dateFormat.format(date)}</time>;
}

export const importStatusLabels: Record<ImportStatus, string> = {
  QUEUED: 'Waiting to start',
  PROCESSING: 'Processing',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
};

/** The tag colours of the stylesheet: green for done, red for failed, blue for the rest. */
const importStatusTones: Record<ImportStatus, string> = {
  QUEUED: 'PENDING',
  PROCESSING: 'PENDING',
  COMPLETED: 'SENT',
  FAILED: 'FAILED',
};

/** The status in words, coloured as well (colour alone would not do). */
export function ImportStatusTag({ status }: { status: ImportStatus }) {
  return (
    <strong className="tag" data-status={importStatusTones[status]}>
      {importStatusLabels[status]}
    </strong>
  );
}

export const outcomeLabels: Record<ImportRowOutcome, string> = {
  created: 'Created',
  registered: 'Registered',
  alreadyRegistered: 'Already registered',
  rejected: 'Rejected',
};

/** What each outcome means, for the counts. */
export const outcomeDescriptions: Record<ImportRowOutcome, string> = {
  created: 'New learners created',
  registered: 'Existing learners registered with your centre',
  alreadyRegistered: 'Already registered with your centre (no change)',
  rejected: 'Rejected rows',
};

const outcomeTones: Record<ImportRowOutcome, string> = {
  created: 'SENT',
  registered: 'SENT',
  alreadyRegistered: 'PENDING',
  rejected: 'FAILED',
};

export function OutcomeTag({ outcome }: { outcome: ImportRowOutcome }) {
  return (
    <strong className="tag" data-status={outcomeTones[outcome]}>
      {outcomeLabels[outcome]}
    </strong>
  );
}

/** "None" for screen readers, a dash for the eye. */
export function Nothing({ label = 'None' }: { label?: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

/** "Showing 51–100 of 1,234 learners". */
export function showingText(page: number, pageSize: number, shown: number, total: number, noun: string) {
  const first = (page - 1) * pageSize + 1;
  const last = first + shown - 1;
  return `Showing ${formatNumber(first)}–${formatNumber(last)} of ${countOf(total, noun)}`;
}
