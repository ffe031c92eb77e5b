/**
 * Every URL of the app, in one place. Route definitions use `path`; links use `getHref()`,
 * so a page can move without hunting for its links.
 */
export const paths = {
  home: {
    path: '/',
    getHref: () => '/',
  },
  status: {
    path: '/status',
    getHref: () => '/status',
  },
  adminOutbox: {
    path: '/admin/outbox',
    /** The filter and page live in the query string, so reload and back keep them. */
    getHref: ({ status, page }: { status?: string; page?: number } = {}) => {
      const search = new URLSearchParams();
      if (status) search.set('status', status);
      if (page && page > 1) search.set('page', String(page));
      const qs = search.toString();
      return `/admin/outbox${qs ? `?${qs}` : ''}`;
    },
  },
  adminOutboxMessage: {
    path: '/admin/outbox/:id',
    getHref: (id: string) => `/admin/outbox/${encodeURIComponent(id)}`,
  },
  signIn: {
    path: '/sign-in',
    /** `next`: where to go once signed in (an address inside the app). */
    getHref: (next?: string) => withQuery('/sign-in', { next }),
  },
  learnerSignIn: {
    path: '/learner/sign-in',
    getHref: (next?: string) => withQuery('/learner/sign-in', { next }),
  },
  requestAccess: {
    path: '/request-access',
    getHref: () => '/request-access',
  },
  firstSignIn: {
    path: '/first-sign-in',
    getHref: (next?: string) => withQuery('/first-sign-in', { next }),
  },
  profile: {
    path: '/profile',
    getHref: () => '/profile',
  },
  profileEmailConfirm: {
    path: '/profile/email/confirm',
    getHref: (token: string) => withQuery('/profile/email/confirm', { token }),
  },
  forgottenPassword: {
    path: '/forgotten-password',
    getHref: (kind?: 'user' | 'learner') => withQuery('/forgotten-password', { kind }),
  },
  resetPassword: {
    path: '/reset-password',
    getHref: (token: string) => withQuery('/reset-password', { token }),
  },
  adminAccountRequests: {
    path: '/admin/account-requests',
    /** The tab (status) lives in the query string; Pending is the default. */
    getHref: ({ status }: { status?: string } = {}) =>
      withQuery('/admin/account-requests', { status: status === 'PENDING' ? undefined : status }),
  },
  adminAccounts: {
    path: '/admin/accounts',
    getHref: ({ query }: { query?: string } = {}) =>
      withQuery('/admin/accounts', { query: query || undefined }),
  },
  apiTokens: {
    path: '/api-tokens',
    getHref: () => '/api-tokens',
  },
  learners: {
    path: '/learners',
    /** The search, sort and page live in the query string; the default sort and page 1 are left out. */
    getHref: ({ q, sort, page }: { q?: string; sort?: string; page?: number } = {}) =>
      withQuery('/learners', {
        q: q || undefined,
        sort: sort && sort !== 'familyName' ? sort : undefined,
        page: page && page > 1 ? String(page) : undefined,
      }),
  },
  learnerImports: {
    path: '/learners/imports',
    /** The upload form, with the page of earlier uploads in the query string. */
    getHref: ({ page }: { page?: number } = {}) =>
      withQuery('/learners/imports', { page: page && page > 1 ? String(page) : undefined }),
  },
  learnerImport: {
    /** Emails link here (the API's mail template `importReport`), so the path must not change. */
    path: '/learners/imports/:importId',
    getHref: (importId: string, { outcome, page }: { outcome?: string; page?: number } = {}) =>
      withQuery(`/learners/imports/${encodeURIComponent(importId)}`, {
        outcome,
        page: page && page > 1 ? String(page) : undefined,
      }),
  },
  catalogue: {
    path: '/catalogue',
    /**
     * Qualifications (the default) or units (`?tab=units`), with the search, level and page in the
     * query string; the defaults and page 1 are left out.
     */
    getHref: ({
      tab,
      q,
      level,
      page,
    }: {
      tab?: 'qualifications' | 'units';
      q?: string;
      level?: string;
      page?: number;
    } = {}) =>
      withQuery('/catalogue', {
        tab: tab === 'units' ? 'units' : undefined,
        q: q || undefined,
        level: level || undefined,
        page: page && page > 1 ? String(page) : undefined,
      }),
  },
  catalogueQualification: {
    path: '/catalogue/qualifications/:id',
    getHref: (id: string) => `/catalogue/qualifications/${encodeURIComponent(id)}`,
  },
  catalogueUnit: {
    path: '/catalogue/units/:id',
    getHref: (id: string) => `/catalogue/units/${encodeURIComponent(id)}`,
  },
  catalogueImport: {
    path: '/catalogue/import',
    getHref: () => '/catalogue/import',
  },
  achievements: {
    path: '/achievements',
    /** The ULN and URN searches and the page live in the query string; page 1 is left out. */
    getHref: ({ uln, urn, page }: { uln?: string; urn?: string; page?: number } = {}) =>
      withQuery('/achievements', {
        uln: uln || undefined,
        urn: urn || undefined,
        page: page && page > 1 ? String(page) : undefined,
      }),
  },
  claims: {
    /**
     * Emails link here (the API's mail path `possibleClaims`), so the path must not change. The status
     * (left out: the role's default; `all`: every status), searches, sort and page live in the query
     * string; the default sort and page 1 are left out.
     */
    path: '/claims',
    getHref: ({
      status,
      qualification,
      learner,
      sort,
      page,
    }: {
      status?: string;
      qualification?: string;
      learner?: string;
      sort?: string;
      page?: number;
    } = {}) =>
      withQuery('/claims', {
        status,
        qualification: qualification || undefined,
        learner: learner || undefined,
        sort: sort && sort !== '-evaluatedAt' ? sort : undefined,
        page: page && page > 1 ? String(page) : undefined,
      }),
  },
  claim: {
    /** Emails link here (the API's mail path `claim`), so the path must not change. */
    path: '/claims/:claimId',
    getHref: (claimId: string) => `/claims/${encodeURIComponent(claimId)}`,
  },
  myRecord: {
    path: '/my-record',
    getHref: () => '/my-record',
  },
  myQualifications: {
    path: '/my-record/qualifications',
    getHref: () => '/my-record/qualifications',
  },
  myPermissions: {
    /** Emails link here (the API's mail templates), so the path must not change. */
    path: '/my-record/permissions',
    getHref: () => '/my-record/permissions',
  },
  myAccessLog: {
    /** Emails link here ("… viewed your learner record"), so the path must not change. Page 1 is left out. */
    path: '/my-record/access-log',
    getHref: ({ page }: { page?: number } = {}) =>
      withQuery('/my-record/access-log', { page: page && page > 1 ? String(page) : undefined }),
  },
  selectLar: {
    /** Emails link here, so the path must not change. */
    path: '/select-lar',
    getHref: () => '/select-lar',
  },
} as const;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const qs = search.toString();
  return `${path}${qs ? `?${qs}` : ''}`;
}
