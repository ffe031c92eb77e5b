/** Every catalogue query key starts with `catalogueKeys.all`, so an import refreshes them all at once. */
export const catalogueKeys = {
  all: ['catalogue'] as const,
  qualificationLists: () => [...catalogueKeys.all, 'qualifications', 'list'] as const,
  qualificationList: (filter: { q: string; level: string; page: number }) =>
    [...catalogueKeys.qualificationLists(), filter] as const,
  qualification: (id: string) => [...catalogueKeys.all, 'qualifications', 'one', id] as const,
  unitLists: () => [...catalogueKeys.all, 'units', 'list'] as const,
  unitList: (filter: { q: string; level: string; page: number }) =>
    [...catalogueKeys.unitLists(), filter] as const,
  unit: (id: string) => [...catalogueKeys.all, 'units', 'one', id] as const,
};

/** QCF levels, lowest first, as the API and the catalogue file write them. */
export const LEVELS = ['E1', 'E2', 'E3', '1', '2', '3', '4', '5', '6', '7', '8'] as const;
export type Level = (typeof LEVELS)[number];

export const isLevel = (value: string | null | undefined): value is Level =>
  (LEVELS as readonly string[]).includes(value ?? '');
