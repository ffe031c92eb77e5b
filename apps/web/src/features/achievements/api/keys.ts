/** Every achievements query key starts with `achievementKeys.all`, so one invalidation refreshes them all. */
export const achievementKeys = {
  all: ['achievements'] as const,
  lists: () => [...achievementKeys.all, 'list'] as const,
  list: (filter: { uln: string; urn: string; page: number }) => [...achievementKeys.lists(), filter] as const,
};
