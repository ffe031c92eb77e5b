/** Per-filler permission for one search: units outside a route's include/exclude sets are 0. */
export const FORBIDDEN = 0;
export const ALLOWED = 1;
export const REQUIRED = 2;
