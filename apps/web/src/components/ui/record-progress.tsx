import type { RecordProgress, RecordProgressItem } from '@lar/shared/api';
import type { EvaluationResult, GroupResult, RuleGroup } from '@lar/shared/schemas';
import type { ReactNode } from 'react';
import { CalendarDate } from './date-time';
import { countOf, formatNumber, levelName } from './format';
import { ProgressBar } from './progress-bar';
import { credits, groupName, groupRequirement, joinAnd, levelRuleText } from './rules-format';

/** A unit's title and credit, from the catalogue or the learner's record. */
export interface KnownUnit {
  urn: string;
  title: string;
  credits: number;
}

export type UnitsByUrn = ReadonlyMap<string, KnownUnit>;

/** "The qualification is achieved", "2 more credits needed", or that it cannot be completed. */
export function progressStatusText(evaluation: EvaluationResult): string {
  if (evaluation.achieved) return 'Achieved: the units on the record meet the rules';
  if (!evaluation.reachable || evaluation.additionalCreditsNeeded === null)
    return 'Cannot be completed with the units available';
  return `${countOf(evaluation.additionalCreditsNeeded, 'more credit', 'more credits')} needed`;
}

/** A unit in a sentence or list: its URN and, when the catalogue entry is known, title and credit. */
export function UnitName({
  urn,
  units,
  ticked = false,
}: {
  urn: string;
  units: UnitsByUrn;
  /** A unit ticked in the what-if view, not achieved. */
  ticked?: boolean;
}) {
  const unit = units.get(urn);
  return (
    <>
      <code>{urn}</code>
      {unit && (
        <>
          {' '}
          {unit.title} <span className="secondary-text--inline">({credits(unit.credits)})</span>
        </>
      )}
      {ticked && (
        <>
          {' '}
          <strong className="tag what-if__tag">What if</strong>
        </>
      )}
    </>
  );
}

/** "30 of the 45 credits needed count"; all of them, but a group short: say so. */
function creditText(evaluation: EvaluationResult): string {
  const text = `${formatNumber(evaluation.countedCredits)} of the ${credits(evaluation.requiredCredits)} needed count`;
  return !evaluation.achieved && evaluation.countedCredits >= evaluation.requiredCredits
    ? `${text}, but not every rule below is met yet`
    : text;
}

const routeText = (route: EvaluationResult['routes'][number], units: UnitsByUrn) =>
  `add ${joinAnd(
    route.addUnits.map((urn) => {
      const unit = units.get(urn);
      return unit ? `${urn} (${credits(unit.credits)})` : urn;
    }),
  )}`;

/**
 * Progress toward one qualification: how much credit counts against what it needs, each group of its
 * rules (counted, satisfied or not, the units it could still take), the level rules, and up to three
 * routes to achievement. `evaluation` is the one shown (the server's, or a what-if's); `children`
 * (the what-if controls) go under the summary.
 */
export function ProgressItemView({
  item,
  evaluation,
  headingId,
  known = [],
  ticked = [],
  note,
  children,
}: {
  item: RecordProgressItem;
  evaluation: EvaluationResult;
  headingId: string;
  /** Other units whose titles are known (the record's own), for held units the rules do not list. */
  known?: readonly KnownUnit[];
  /** Units ticked in the what-if view. */
  ticked?: readonly string[];
  /** Shown above the numbers (what-if: that they are not the learner's own). */
  note?: ReactNode;
  children?: ReactNode;
}) {
  const units: UnitsByUrn = new Map<string, KnownUnit>(
    [...known, ...item.units].map((unit) => [unit.urn, unit]),
  );
  const { qualification, rules } = item;
  const results = new Map(evaluation.groups.map((group) => [group.id, group]));
  const tone = evaluation.achieved ? 'SENT' : evaluation.reachable ? 'PENDING' : 'CLOSED';
  return (
    <section aria-labelledby={headingId} className="progress-item">
      <h3 id={headingId} className="break-words">
        {qualification.title}
      </h3>
      <p className="secondary-text">
        QAN <code>{qualification.qan}</code>, {levelName(qualification.level)},{' '}
        {qualification.awardingOrganisation}. Worked out on <CalendarDate value={item.on} />.
      </p>
      {note}
      <p className="progress-item__status">
        <strong className="tag" data-status={tone}>
          {progressStatusText(evaluation)}
        </strong>
      </p>
      <ProgressBar
        id={`${headingId}-credit`}
        label="Credit counted"
        value={evaluation.countedCredits}
        max={evaluation.requiredCredits}
        text={creditText(evaluation)}
      />
      {evaluation.levelRules.length > 0 && (
        <ul className="list-bullet">
          {evaluation.levelRules.map((rule) => (
            <li key={rule.level}>
              {levelRuleText({ level: rule.level, credits: rule.required })}: {formatNumber(rule.counted)}{' '}
              counted{' '}
              {rule.counted >= rule.required
                ? '(met)'
                : `(${formatNumber(rule.required - rule.counted)} short)`}
            </li>
          ))}
        </ul>
      )}

      {!evaluation.achieved && evaluation.routes.length > 0 && (
        <>
          <h4>{evaluation.routes.length === 1 ? 'Route to achievement' : 'Routes to achievement'}</h4>
          <p>{evaluation.routes.length === 1 ? 'The shortest way' : 'The shortest ways'} to complete it:</p>
          <ol className="list-number route-list">
            {evaluation.routes.map((route) => (
              <li key={route.addUnits.join(' ')}>
                {routeText(route, units)}
                {route.addUnits.length > 1 && `: ${credits(route.additionalCredits)} in all`}
                <span className="secondary-text">
                  {route.addUnits.map((urn) => units.get(urn)?.title ?? urn).join('; ')}
                </span>
              </li>
            ))}
          </ol>
        </>
      )}

      {children}

      <h4>Groups of units</h4>
      {rules.groups.map((group) => (
        <GroupProgress
          key={group.id}
          group={group}
          result={results.get(group.id)}
          units={units}
          ticked={ticked}
        />
      ))}
      {evaluation.unused.length > 0 && (
        <p className="progress-item__unused">
          Units on the record that do not count here:{' '}
          {evaluation.unused.map((urn, index) => (
            <span key={urn}>
              {index > 0 && ', '}
              <code>{urn}</code>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

function GroupProgress({
  group,
  result,
  units,
  ticked,
}: {
  group: RuleGroup;
  result: GroupResult | undefined;
  units: UnitsByUrn;
  ticked: readonly string[];
}) {
  const name = groupName(group);
  if (!result) return null;
  return (
    <div className="progress-group">
      <h5 className="progress-group__title">
        {name}{' '}
        <strong className="tag" data-status={result.satisfied ? 'SENT' : 'PENDING'}>
          {result.satisfied ? 'Done' : 'Not yet'}
        </strong>
      </h5>
      <p className="progress-group__requirement">
        Needs: {groupRequirement(group).replace(/^[A-Z]/, (c) => c.toLowerCase())}. Counted:{' '}
        {credits(result.credits)} from {countOf(result.units, 'unit')}.
      </p>
      {result.assigned.length > 0 && (
        <>
          <p className="progress-group__label">Counted here:</p>
          <ul className="progress-group__units">
            {result.assigned.map((urn) => (
              <li key={urn}>
                <UnitName urn={urn} units={units} ticked={ticked.includes(urn)} />
              </li>
            ))}
          </ul>
        </>
      )}
      {!result.satisfied && result.missing.length > 0 && (
        <>
          <p className="progress-group__label">
            {group.all ? 'Still needed:' : 'Units that could count here:'}
          </p>
          <ul className="progress-group__units">
            {result.missing.map((urn) => (
              <li key={urn}>
                <UnitName urn={urn} units={units} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Qualifications one level up that reuse units the learner has. */
export function ProgressionView({ progression }: { progression: RecordProgress['progression'] }) {
  return (
    <section aria-labelledby="record-progression-title" className="record-section">
      <h2 id="record-progression-title">Progression opportunities</h2>
      {progression.length === 0 ? (
        <p className="empty">No qualification at the next level up uses units on this record.</p>
      ) : (
        <>
          <p>Qualifications at the next level up that would use units already on the record:</p>
          <ul className="list-bullet">
            {progression.map((next) => (
              <li key={next.id}>
                <strong>{next.title}</strong>{' '}
                <span className="secondary-text">
                  QAN <code>{next.qan}</code>, {levelName(next.level)}. Uses{' '}
                  {countOf(next.reusedUnits.length, 'unit')} already achieved:{' '}
                  {next.reusedUnits.map((urn, index) => (
                    <span key={urn}>
                      {index > 0 && ', '}
                      <code>{urn}</code>
                    </span>
                  ))}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The progress section, read-only (Select LAR): every qualification ranked, then progression. */
export function RecordProgressView({
  progress,
  known = [],
}: {
  progress: RecordProgress;
  known?: readonly KnownUnit[];
}) {
  return (
    <>
      <section aria-labelledby="record-progress-title" className="record-section">
        <h2 id="record-progress-title">Progress towards qualifications</h2>
        {progress.items.length === 0 ? (
          <p className="empty">No qualification uses the units on this record yet.</p>
        ) : (
          <>
            <p>Ranked by the credit still needed, closest first.</p>
            {progress.items.map((item, index) => (
              <ProgressItemView
                key={item.qualification.id}
                item={item}
                evaluation={item.evaluation}
                headingId={`progress-${index}`}
                known={known}
              />
            ))}
          </>
        )}
      </section>
      <ProgressionView progression={progress.progression} />
    </>
  );
}
