import type { ClaimStatus } from '@lar/shared/api';

export const claimStatusLabels: Record<ClaimStatus, string> = {
  POSSIBLE: 'Possible',
  SUBMITTED: 'Submitted',
  AWARDED: 'Awarded',
  REJECTED: 'Rejected',
  NO_LONGER_ACHIEVABLE: 'No longer achievable',
  WITHDRAWN: 'Withdrawn',
};

/** The tag colours of the stylesheet: green for awarded, red for rejected, grey for closed, blue for the rest. */
const claimStatusTones: Record<ClaimStatus, string> = {
  POSSIBLE: 'PENDING',
  SUBMITTED: 'PENDING',
  AWARDED: 'SENT',
  REJECTED: 'FAILED',
  NO_LONGER_ACHIEVABLE: 'CLOSED',
  WITHDRAWN: 'CLOSED',
};

/** The status in words, coloured as well (colour alone would not do). */
export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  return (
    <strong className="tag" data-status={claimStatusTones[status]}>
      {claimStatusLabels[status]}
    </strong>
  );
}
