import type { QueryClient } from '@tanstack/react-query';
import { DocumentTitle } from '@/components/ui/document-title';
import { healthQueryOptions } from '@/features/health/api/get-health';
import { HealthDetails } from '@/features/health/components/health-details';

/** Starts fetching while the page loads; never waits or throws, so the page shows even when the API is down. */
export const clientLoader = (queryClient: QueryClient) => () => {
  void queryClient.prefetchQuery(healthQueryOptions());
  return null;
};

export default function StatusPage() {
  return (
    <>
      <DocumentTitle title="Service status" />
      <h1>Service status</h1>
      <p className="lead">Whether LAR and its database are working right now.</p>
      <HealthDetails />
    </>
  );
}
