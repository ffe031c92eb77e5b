import { useHealth } from '../api/get-health';
import { describeHealth } from './service-status';

/** The full answer of `GET /api/health`, for the service status page. */
export function HealthDetails() {
  const health = useHealth();
  const { tone, text } = describeHealth(health);
  const { data } = health;

  return (
    <>
      <p className="service-status service-status--large" data-tone={tone} role="status">
        <span className="service-status__dot" aria-hidden="true" />
        {text}
      </p>
      {data && (
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Database</dt>
            <dd>
              {data.database.reachable
                ? `Reachable (answered in ${data.database.latencyMs} ms)`
                : 'Not reachable'}
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>Version</dt>
            <dd>{data.version}</dd>
          </div>
        </dl>
      )}
      <button
        type="button"
        className="button button--secondary"
        // Not `disabled`: a disabled button drops keyboard focus.
        onClick={() => {
          if (!health.isFetching) void health.refetch();
        }}
      >
        {health.isFetching ? 'Checking…' : 'Check again'}
      </button>
    </>
  );
}
