import type { ImportRowOutcome, ImportStatus } from '@lar/shared/api';

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
