import type { ImportRowOutcome, LearnerSort } from '@lar/shared/api';

/** Every learners query key starts with `learnerKeys.all`, so one invalidation refreshes them all. */
export const learnerKeys = {
  all: ['learners'] as const,
  lists: () => [...learnerKeys.all, 'list'] as const,
  list: (filter: { q: string; sort: LearnerSort; page: number }) => [...learnerKeys.lists(), filter] as const,
  imports: () => [...learnerKeys.all, 'imports'] as const,
  importLists: () => [...learnerKeys.imports(), 'list'] as const,
  importList: (page: number) => [...learnerKeys.importLists(), page] as const,
  import: (importId: string) => [...learnerKeys.imports(), 'one', importId] as const,
  report: (importId: string, filter: { outcome?: ImportRowOutcome; page: number }) =>
    [
      ...learnerKeys.imports(),
      'report',
      importId,
      { outcome: filter.outcome ?? null, page: filter.page },
    ] as const,
};

export { parsePage } from '@/components/ui/pagination';

/** The API's addresses that the browser opens itself (downloads), not through the API client. */
export const learnerDownloads = {
  sampleCsv: '/api/v1/learners/imports/sample.csv',
  reportCsv: (importId: string) => `/api/v1/learners/imports/${encodeURIComponent(importId)}/report.csv`,
};
