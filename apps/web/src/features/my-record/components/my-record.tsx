import type { MyRecord as MyRecordData } from '@lar/shared/api';
import { Link } from 'react-router';
import { LoadProblem } from '@/components/ui/access-problem';
import { CalendarDate } from '@/components/ui/date-time';
import { ProgressionView } from '@/components/ui/record-progress';
import { RecordQualificationsView } from '@/components/ui/record-qualifications';
import { RecordUnitsView } from '@/components/ui/record-units';
import { paths } from '@/config/paths';
import { useMyRecord } from '../api/get-record';
import { ProgressWithWhatIf } from './what-if';

/** The learner's whole record, with the what-if view on each qualification in progress. */
export function MyRecord() {
  const query = useMyRecord();
  if (query.isPending) {
    return (
      <p role="status" className="loading">
        Loading your record…
      </p>
    );
  }
  if (query.isError) {
    return (
      <LoadProblem
        error={query.error}
        what="your record"
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return <Record record={query.data} />;
}

function Record({ record }: { record: MyRecordData }) {
  const { learner, units, qualifications, progress } = record;
  return (
    <>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Name</dt>
          <dd>
            {learner.givenName} {learner.familyName}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Unique learner number (ULN)</dt>
          <dd>
            <code>{learner.uln}</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Date of birth</dt>
          <dd>
            <CalendarDate value={learner.dateOfBirth} />
          </dd>
        </div>
      </dl>

      <div className="button-group no-print">
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print my record
        </button>
      </div>

      <nav aria-label="Your record" className="contents no-print">
        <h2 className="contents__title">Your record</h2>
        <ul>
          <li>
            <a href="#record-units-title">Units</a>
          </li>
          <li>
            <a href="#record-qualifications-title">Qualifications achieved</a>
          </li>
          <li>
            <a href="#record-progress-title">Progress towards qualifications</a>
          </li>
          <li>
            <a href="#record-progression-title">Progression opportunities</a>
          </li>
          <li>
            <Link to={paths.myPermissions.getHref()}>Who can see your record</Link>: give an organisation
            permission, or take it back
          </li>
          <li>
            <Link to={paths.myAccessLog.getHref()}>Who has viewed your record</Link>, and emails when they do
          </li>
        </ul>
      </nav>

      <RecordUnitsView units={units} />
      <RecordQualificationsView
        qualifications={qualifications}
        emptyText="You have not been awarded a qualification on LAR yet. When your centre claims one for you and the awarding organisation awards it, it appears here."
      />

      <section aria-labelledby="record-progress-title" className="record-section">
        <h2 id="record-progress-title">Progress towards qualifications</h2>
        {progress.items.length === 0 ? (
          <p className="empty">No qualification uses the units you hold yet.</p>
        ) : (
          <>
            <p>
              Qualifications that use units you hold, closest first. Open “What if you achieved more units?”
              under one to see how more units would change your progress.
            </p>
            {progress.items.map((item, index) => (
              <ProgressWithWhatIf
                key={item.qualification.id}
                item={item}
                achievements={progress.achievements}
                headingId={`progress-${index}`}
                known={units.items}
              />
            ))}
          </>
        )}
      </section>
      <ProgressionView progression={progress.progression} />
    </>
  );
}
