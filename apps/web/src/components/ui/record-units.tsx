import type { RecordUnits } from '@lar/shared/api';
import { CalendarDate } from './date-time';
import { countOf, formatNumber, levelName } from './format';
import { ScrollTable } from './scroll-table';

const basisLabels = { credit: 'Credit', exemption: 'Exemption' } as const;

/** The units a learner has achieved (newest first) and their credit at each level. */
export function RecordUnitsView({ units, heading = 'h2' }: { units: RecordUnits; heading?: 'h2' | 'h3' }) {
  const Heading = heading;
  const SubHeading = heading === 'h2' ? 'h3' : 'h4';
  const items = [...units.items].sort(
    (a, b) => b.achievedOn.localeCompare(a.achievedOn) || a.urn.localeCompare(b.urn),
  );
  return (
    <section aria-labelledby="record-units-title" className="record-section full-width">
      <Heading id="record-units-title">Units</Heading>
      {items.length === 0 ? (
        <p className="empty">No units have been recorded yet.</p>
      ) : (
        <>
          <p>
            {countOf(items.length, 'unit')} achieved, {countOf(units.totalCredits, 'credit')} in all.
          </p>
          <ScrollTable
            label="Units achieved"
            className="record-units__table"
            caption="Units achieved, newest first"
            captionHidden
            head={[
              'URN',
              'Title',
              'Level',
              { label: 'Credits', numeric: true },
              'Achieved',
              'Awarding organisation',
              'Basis',
            ]}
          >
            {items.map((unit) => (
              <tr key={`${unit.urn}-${unit.achievedOn}`}>
                <td className="table__nowrap">
                  <code>{unit.urn}</code>
                </td>
                <td className="table__break">{unit.title}</td>
                <td className="table__nowrap">{levelName(unit.level)}</td>
                <td className="table__numeric">{formatNumber(unit.credits)}</td>
                <td className="table__nowrap">
                  <CalendarDate value={unit.achievedOn} />
                </td>
                <td className="table__break">{unit.awardingOrganisation}</td>
                <td>{basisLabels[unit.basis] ?? unit.basis}</td>
              </tr>
            ))}
          </ScrollTable>
        </>
      )}
      <SubHeading id="credit-by-level-title">Credit by level</SubHeading>
      <CreditByLevel levels={units.creditByLevel} total={units.totalCredits} />
    </section>
  );
}

/**
 * Credit at each level as a bar chart that is also a table: the level and credits are the text, the
 * bars (hidden from screen readers, which read the numbers) show the same at a glance.
 */
export function CreditByLevel({ levels, total }: { levels: RecordUnits['creditByLevel']; total: number }) {
  if (levels.length === 0) return <p className="empty">No credit yet.</p>;
  const most = Math.max(1, ...levels.map((level) => level.credits));
  return (
    <table className="table credit-chart" aria-labelledby="credit-by-level-title">
      <caption className="visually-hidden">Credit by level, as a bar chart</caption>
      <thead>
        <tr>
          <th scope="col">Level</th>
          <th scope="col" className="table__numeric">
            Credits
          </th>
          <th scope="col" className="credit-chart__bar-cell">
            <span className="visually-hidden">Bar</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {levels.map((level) => (
          <tr key={level.level}>
            <th scope="row" className="table__nowrap">
              {levelName(level.level)}
            </th>
            <td className="table__numeric">{formatNumber(level.credits)}</td>
            <td className="credit-chart__bar-cell">
              <svg
                className="credit-chart__bar"
                viewBox="0 0 100 10"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
              >
                <rect x="0" y="0" height="10" width={(level.credits / most) * 100} />
              </svg>
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="table__numeric">{formatNumber(total)}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
