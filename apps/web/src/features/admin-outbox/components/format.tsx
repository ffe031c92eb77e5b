import type { OutboxStatus } from '@lar/shared/api';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** A date and time as people in the UK write it, UK time: "28 Nov 2026, 09:05". */
export function DateTime({ value }: { value: string }) {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <>{value}</>;
  return <time dateTime={value}>{dateTime.format(date)}</time>;
}

export const statusLabels: Record<OutboxStatus, string> = {
  PENDING: 'Waiting',
  SENT: 'Sent',
  FAILED: 'Failed',
};

/** The status in words, coloured as well (colour alone would not do). */
export function StatusTag({ status }: { status: OutboxStatus }) {
  return (
    <strong className="tag" data-status={status}>
      {statusLabels[status]}
    </strong>
  );
}
