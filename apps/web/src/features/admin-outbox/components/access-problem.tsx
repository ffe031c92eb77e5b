import { ApiError } from '@/lib/api-client';

/** True for the answers that mean "not signed in" or "not a service desk account". */
export const isAccessProblem = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 401 || error.status === 403);

/**
 * Why the page shows nothing: the caller is not signed in (401) or signed in with another role (403).
 * There is no sign-in page yet, so it links nowhere.
 */
export function AccessProblem({ error }: { error: ApiError }) {
  return (
    <div className="inset-text" role="status">
      <p>
        {error.status === 401
          ? 'You are not signed in.'
          : 'Your account does not have access to the mail outbox.'}
      </p>
      <p>Only the service desk can see the mail outbox. Sign in with a service desk account.</p>
    </div>
  );
}
