import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';
import { type Health, useHealth } from '../api/get-health';

type Tone = 'ok' | 'warning' | 'unknown';

/** What a person should know about the service right now, from the latest `GET /api/health`. */
export function describeHealth(result: Pick<UseQueryResult<Health>, 'data' | 'error' | 'isPending'>): {
  tone: Tone;
  text: string;
} {
  const { data, error, isPending } = result;
  if (isPending) return { tone: 'unknown', text: 'Checking the service…' };
  const unavailable = error instanceof ApiError && error.status === 503;
  if (unavailable || data?.status === 'degraded') {
    return { tone: 'warning', text: 'Some parts of the service are not working. Please try again later.' };
  }
  // After a failed re-check the query still holds the last answer, which may no longer be true.
  if (error || !data) return { tone: 'unknown', text: 'We cannot check the service at the moment.' };
  return { tone: 'ok', text: 'The service is working normally.' };
}

/** One line for the footer. It never fails: an unreachable API just reads as "cannot check". */
export function ServiceStatus() {
  const { tone, text } = describeHealth(useHealth());
  return (
    <p className="service-status" data-tone={tone}>
      <span className="service-status__dot" aria-hidden="true" />
      {text}
    </p>
  );
}
