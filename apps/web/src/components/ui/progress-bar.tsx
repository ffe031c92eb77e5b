/**
 * A labelled `<progress>` (role progressbar, with its value and maximum) and the same in words under it.
 * It is not a live region: the caller announces the steps that matter, so a screen reader is not told
 * every second.
 */
export function ProgressBar({
  id,
  label,
  value,
  max,
  text,
}: {
  id: string;
  label: string;
  value: number;
  max: number;
  text: string;
}) {
  return (
    <div className="form-group">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      <progress
        id={id}
        className="progress-bar"
        value={Math.min(value, max)}
        max={Math.max(max, 1)}
        aria-describedby={`${id}-text`}
        aria-valuetext={text}
      />
      <p id={`${id}-text`} className="hint">
        {text}
      </p>
    </div>
  );
}

/** Whole per cent, never 100 before the end: "99%" rather than a rounded-up "100%" still running. */
export function percent(value: number, max: number): number {
  if (max <= 0) return 0;
  const exact = (Math.min(value, max) / max) * 100;
  return value >= max ? 100 : Math.min(99, Math.floor(exact));
}
