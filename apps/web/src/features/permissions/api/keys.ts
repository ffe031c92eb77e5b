export const permissionKeys = {
  all: ['permissions'] as const,
  list: () => [...permissionKeys.all, 'list'] as const,
  organisation: (code: string) => [...permissionKeys.all, 'organisation', code] as const,
};
