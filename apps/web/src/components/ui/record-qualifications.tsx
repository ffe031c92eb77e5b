import type { AwardedQualificationView } from '@lar/shared/api';
import { CalendarDate } from './date-time';
import { levelName } from './format';
import { UnitsUsed } from './units-used';

/** Awarded qualifications, newest first. */
export const newestFirst = (qualifications: readonly AwardedQualificationView[]) =>
  [...qualifications].sort((a, b) => b.awardedOn.localeCompare(a.awardedOn));

/**
 * One awarded qualification: when, who awarded it, its QAN and level, and the units that achieved it by
 * group. Its title is an `<h{level}>`, the units used one level below and each group below that.
 */
export function AwardedQualification({
  qualification,
  level = 2,
}: {
  qualification: AwardedQualificationView;
  level?: 2 | 3;
}) {
  const Title = level === 2 ? 'h2' : 'h3';
  const Sub = level === 2 ? 'h3' : 'h4';
  const titleId = `qualification-${qualification.id}`;
  return (
    <section aria-labelledby={titleId} className="awarded-qualification">
      <Title id={titleId} className="break-words">
        {qualification.title}
      </Title>
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
      <Sub>Units used</Sub>
      <UnitsUsed groups={qualification.unitsUsed} level={level === 2 ? 4 : 5} />
    </section>
  );
}

/** The record's "Qualifications achieved" section: each awarded qualification with the units used. */
export function RecordQualificationsView({
  qualifications,
  emptyText = 'No qualification has been awarded on LAR yet.',
}: {
  qualifications: readonly AwardedQualificationView[];
  emptyText?: string;
}) {
  const sorted = newestFirst(qualifications);
  return (
    <section aria-labelledby="record-qualifications-title" className="record-section">
      <h2 id="record-qualifications-title">Qualifications achieved</h2>
      {sorted.length === 0 ? (
        <p className="empty">{emptyText}</p>
      ) : (
        sorted.map((qualification) => (
          <AwardedQualification key={qualification.id} qualification={qualification} level={3} />
        ))
      )}
    </section>
  );
}
