import { countOf, formatNumber } from './format';
import { ScrollTable } from './scroll-table';

/**
 * A group's heading: its title in the rules; a group without one (the API then gives its id, "M")
 * reads "Group M", as the catalogue shows it.
 */
export const usedGroupName = (group: { group: string; title: string }) =>
  group.title && group.title !== group.group ? group.title : `Group ${group.group}`;

export interface UnitsUsedGroup {
  group: string;
  title: string;
  units: { urn: string; title: string; credits: number }[];
}

/**
 * The units that achieve a qualification, one table per group of its rules (URN, title, credits and the
 * group's total), then the credit counted in all. Each group's heading is an `<h{level}>`.
 */
export function UnitsUsed({
  groups,
  countedCredits,
  level = 3,
}: {
  groups: UnitsUsedGroup[];
  /** The credit the rules counted; the sum of the units when not given. */
  countedCredits?: number;
  level?: 3 | 4 | 5;
}) {
  const Heading = level === 3 ? 'h3' : level === 4 ? 'h4' : 'h5';
  const total =
    countedCredits ??
    groups.reduce((sum, group) => sum + group.units.reduce((s, unit) => s + unit.credits, 0), 0);
  if (groups.length === 0) return <p className="empty">No units are listed.</p>;
  return (
    <>
      {groups.map((group) => {
        const credits = group.units.reduce((sum, unit) => sum + unit.credits, 0);
        const name = usedGroupName(group);
        return (
          <div key={group.group} className="rule-group">
            <Heading className="rule-group__title">{name}</Heading>
            <ScrollTable
              label={`Units used from ${name}`}
              className="units-used__table"
              caption={<>Units used from {name}</>}
              captionHidden
              head={[
                { label: 'URN', className: 'units-used__urn' },
                'Title',
                { label: 'Credits', numeric: true, className: 'units-used__credits' },
              ]}
              foot={
                <tr>
                  <th scope="row" colSpan={2}>
                    Total from {countOf(group.units.length, 'unit')}
                  </th>
                  <td className="table__numeric">{formatNumber(credits)}</td>
                </tr>
              }
            >
              {group.units.map((unit) => (
                <tr key={unit.urn}>
                  <td className="table__nowrap">
                    <code>{unit.urn}</code>
                  </td>
                  <td className="table__break">{unit.title}</td>
                  <td className="table__numeric">{formatNumber(unit.credits)}</td>
                </tr>
              ))}
            </ScrollTable>
          </div>
        );
      })}
      <p className="units-used__total">Credit counted in all: {countOf(total, 'credit')}</p>
    </>
  );
}
