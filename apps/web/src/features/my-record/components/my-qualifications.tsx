import type { AwardedQualificationView } from '@lar/shared/api';
import { LoadProblem } from '@/components/ui/access-problem';
import { CalendarDate } from '@/components/ui/date-time';
import { countOf, levelName } from '@/components/ui/format';
import { UnitsUsed } from '@/components/ui/units-used';
import { useMyQualifications } from '../api/get-qualifications';

/** The learner's awarded qualifications, newest first, each with the units that achieved it by group. */
export function MyQualifications() {
  const query = useMyQualifications();
  if (query.isPending) {
    return (
      <p role="status" className="loading">
        Loading your qualifications…
      </p>
    );
  }
  if (query.isError) {
    return (
      <LoadProblem
        error={query.error}
        what="your qualifications"
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const qualifications = [...query.data].sort((a, b) => b.awardedOn.localeCompare(a.awardedOn));
  if (qualifications.length === 0) {
    return (
      <p className="empty">
        You have not been awarded a qualification on LAR yet. When your centre claims one for you and the
        awarding organisation awards it, it appears here.
      </p>
    );
  }
  return (
    <>
      <p>You have been awarded {countOf(qualifications.length, 'qualification')}.</p>
      {qualifications.map((qualification) => (
        <Qualification key={qualification.id} qualification={qualification} />
      ))}
    </>
  );
}

function Qualification({ qualification }: { qualification: AwardedQualificationView }) {
  const titleId = `qualification-${qualification.id}`;
  return (
    <section aria-labelledby={titleId} className="awarded-qualification">
      <h2 id={titleId} className="break-words">
        {qualification.title}
      </h2>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Awarded</dt>
          <dd>
            <CalendarDate value={qualification.awardedOn} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Awarding organisation</dt>
          <dd>{qualification.awardingOrganisation}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Qualification number (QAN)</dt>
          <dd>
            <code>{qualification.qan}</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Level</dt>
          <dd>{levelName(qualification.level)}</dd>
        </div>
      </dl>
      <h3>Units used</h3>
      <UnitsUsed groups={qualification.unitsUsed} level={4} />
    </section>
  );
}
