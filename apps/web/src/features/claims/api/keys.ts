import type { ClaimStatus } from '@lar/shared/api';

/** What the list shows: a status (or all), two searches, an order and a page. */
export interface ClaimsFilter {
  status: ClaimStatus | 'all';
  qualification: string;
  learner: string;
  sort: string;
  page: number;
}

/** Every claims query key starts with `claimKeys.all`, so one invalidation refreshes them all. */
export const claimKeys = {
  all: ['claims'] as const,
  lists: () => [...claimKeys.all, 'list'] as const,
  list: (filter: ClaimsFilter) => [...claimKeys.lists(), filter] as const,
  claim: (id: string) => [...claimKeys.all, 'one', id] as const,
};
