/**
 * How values appear to people. Dates and times are shown in UK local time whatever the server's zone,
 * because LAR's users are in the UK and a learner reading "13:05" for a 14:05 BST view would be misled.
 */
const zone = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const numberFormat = new Intl.NumberFormat('en-GB');

/** No-break space: keeps a date, or a label and its number, on one line when the text part wraps. */
export const nbsp = '\u00a0';

/** "28 November 2026", never split across lines. */
export function formatDate(instant: Date): string {
  return dateFormat.format(instant).replace(/ /g, nbsp);
}

/** "14:05" */
export function formatTime(instant: Date): string {
  return timeFormat.format(instant);
}

/** "14:05 on 28 November 2026" */
export function formatDateTime(instant: Date): string {
  return `${formatTime(instant)} on ${formatDate(instant)}`;
}

/** "1 learner", "2 learners", "1,204 rows"; pass `many` for irregular plurals ("1 qualification"…). */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${numberFormat.format(count)} ${count === 1 ? one : many}`;
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "units, qualifications and progress": a list as a person would write it. */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Sections of a learner's record that a permission covers, as the permissions form names them. */
export type RecordSection = 'units' | 'qualifications' | 'progress';

const sectionNames: Record<RecordSection, string> = {
  units: 'units achieved',
  qualifications: 'qualifications achieved',
  progress: 'progress toward qualifications',
};

/** Sections in the record's own order, each once, however the caller listed them. */
export function describeSections(sections: readonly RecordSection[]): string[] {
  const order: RecordSection[] = ['units', 'qualifications', 'progress'];
  return order.filter((section) => sections.includes(section)).map((section) => sectionNames[section]);
}
