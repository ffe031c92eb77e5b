const numberFormat = new Intl.NumberFormat('en-GB');

/** A whole number as people in the UK write it: "12,000". */
export const formatNumber = (value: number) => numberFormat.format(value);

/** "1 learner", "2 learners". */
export const countOf = (count: number, singular: string, plural = `${singular}s`) =>
  `${formatNumber(count)} ${count === 1 ? singular : plural}`;

/** "None" for screen readers, a dash for the eye. */
export function Nothing({ label = 'None' }: { label?: string }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

/** "Showing 51–100 of 1,234 learners". */
export function showingText(page: number, pageSize: number, shown: number, total: number, noun: string) {
  const first = (page - 1) * pageSize + 1;
  const last = first + shown - 1;
  return `Showing ${formatNumber(first)}–${formatNumber(last)} of ${countOf(total, noun)}`;
}

/** "850 KB", "4.5 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;
}

/** "Entry 3", "Level 2": a level as a heading or a table shows it. */
export function levelName(level: string): string {
  const entry = /^E([1-3])$/.exec(level);
  return entry ? `Entry ${entry[1]}` : `Level ${level}`;
}
