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
} as const;
