/** Every my-record query key starts with `myRecordKeys.all`, so one invalidation refreshes them all. */
export const myRecordKeys = {
  all: ['my-record'] as const,
  record: () => [...myRecordKeys.all, 'record'] as const,
  qualifications: () => [...myRecordKeys.all, 'qualifications'] as const,
  accessLogs: () => [...myRecordKeys.all, 'access-log'] as const,
  accessLog: (page: number) => [...myRecordKeys.accessLogs(), page] as const,
};
