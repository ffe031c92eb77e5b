import { ApiError } from '@/lib/api-client';

/** True for the answers that mean "not signed in" or "not allowed". */
export const isAccessProblem = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 401 || error.status === 403);

/** A list that could not be loaded: why, and a way to try again. */
export function LoadProblem({
  error,
  what,
  onRetry,
  retrying,
}: {
  error: unknown;
  what: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  if (isAccessProblem(error)) {
    return (
      <div className="inset-text" role="status">
        <p>Your account does not have access to {what}.</p>
      </div>
    );
  }
  return (
    <div role="alert" className="inset-text">
      <p>Sorry, {what} cannot be shown at the moment. Try again later.</p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          if (!retrying) onRetry();
        }}
      >
        {retrying ? 'Trying again…' : 'Try again'}
      </button>
    </div>
  );
}
