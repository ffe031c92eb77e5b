import type { ImportRowOutcome, ImportStatus } from '@lar/shared/api';

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
