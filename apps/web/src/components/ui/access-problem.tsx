import type { ReactNode } from 'react';
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

interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * A list's query as a page shows it: "Loading …" first, a load problem with a way to try again, or the
 * list, with a polite note for screen readers while the next page replaces the one on screen.
 */
export function LoadedList<T>({
  query,
  loading,
  what,
  children,
}: {
  query: ListQuery<T>;
  /** e.g. "Loading claims…" */
  loading: string;
  /** What could not be shown, e.g. "your learners". */
  what: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) {
    return (
      <p role="status" className="loading">
        {loading}
      </p>
    );
  }
  if (query.isError || query.data === undefined) {
    return (
      <LoadProblem
        error={query.error}
        what={what}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return (
    <>
      <div aria-live="polite" className="visually-hidden">
        {query.isPlaceholderData ? loading : ''}
      </div>
      {children(query.data)}
    </>
  );
}
