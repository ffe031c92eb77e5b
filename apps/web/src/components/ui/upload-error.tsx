import { type ReactNode, useEffect, useRef } from 'react';
import { ApiError } from '@/lib/api-client';
import { SERVICE_PROBLEM } from '@/lib/form-errors';
import type { UploadProgress } from '@/lib/upload-file';
import { fieldId } from './form';
import { formatBytes } from './format';
import { percent } from './progress-bar';

/** What is wrong with an uploaded file: one message, and for a bad header the columns to fix. */
export interface UploadError {
  message: string;
  header?: { missing: string[]; unknown: string[]; repeated: string[] };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The API's `{ error: { code, message, details } }` for an uploaded file, as a form shows it. */
export function uploadErrorFrom(error: unknown): UploadError {
  if (!(error instanceof ApiError)) return { message: SERVICE_PROBLEM };
  if (error.status === 0) {
    return { message: 'The file could not be sent. Check your internet connection and try again.' };
  }
  if (error.status === 401)
    return { message: 'You have been signed out. Sign in again, then upload the file.' };
  if (error.status >= 500) return { message: SERVICE_PROBLEM };
  if (error.code === 'CSV_HEADER' && typeof error.details === 'object' && error.details !== null) {
    const details = error.details as Record<string, unknown>;
    return {
      message: error.message,
      header: {
        missing: strings(details.missing),
        unknown: strings(details.unknown),
        // The CSV readers call them `duplicated`; older answers said `repeated`.
        repeated: [...strings(details.repeated), ...strings(details.duplicated)],
      },
    };
  }
  return { message: error.message };
}

/** Only the quarter marks are announced: a screen reader is told 25%, 50%, 75%, not every byte. */
export function uploadAnnouncement(fileName: string, progress: UploadProgress): string {
  const done = percent(progress.loaded, progress.total);
  if (done >= 100) return `${fileName} is uploaded. LAR is checking the file.`;
  const mark = Math.floor(done / 25) * 25;
  return mark === 0 ? `Uploading ${fileName}.` : `${mark}% uploaded.`;
}

/** The progress bar's words: "50% uploaded (1 KB of 2 KB)", then "Uploaded. Checking the file…". */
export function uploadProgressText(progress: UploadProgress): string {
  return progress.loaded >= progress.total
    ? 'Uploaded. Checking the file…'
    : `${percent(progress.loaded, progress.total)}% uploaded (${formatBytes(progress.loaded)} of ${formatBytes(
        progress.total,
      )})`;
}

/**
 * "There is a problem", as the shared error summary shows it, with the message linking to the file
 * input and, for a wrong header row, the columns that are missing, unknown or repeated (and
 * `columnsHint`, what the header should be). It takes focus on every failed attempt.
 */
export function UploadErrorSummary({
  formId,
  field,
  error,
  attempt,
  columnsHint,
}: {
  formId: string;
  field: string;
  error: UploadError | null;
  attempt: number;
  columnsHint: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `${formId}-error-summary-title`;
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [attempt, error]);
  if (!error) return null;
  const header = error.header;
  const lists = header
    ? [
        { label: 'Missing columns', names: header.missing },
        { label: 'Columns LAR does not recognise', names: header.unknown },
        { label: 'Columns given more than once', names: header.repeated },
      ].filter((list) => list.names.length > 0)
    : [];
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId} className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        <li>
          <a
            href={`#${fieldId(formId, field)}`}
            onClick={(event) => {
              event.preventDefault();
              const input = document.getElementById(fieldId(formId, field));
              input?.focus();
              input?.scrollIntoView?.({ block: 'center' });
            }}
          >
            {error.message}
          </a>
        </li>
        {lists.map((list) => (
          <li key={list.label}>
            {list.label}: <HeaderNames names={list.names} />
          </li>
        ))}
      </ul>
      {lists.length > 0 && <p className="hint notification-banner__more">{columnsHint}</p>}
    </div>
  );
}

function HeaderNames({ names }: { names: string[] }) {
  return (
    <>
      {names.map((name, index) => (
        <span key={`${name}-${index}`}>
          {index > 0 && ', '}
          <code>{name === '' ? '(blank)' : name}</code>
        </span>
      ))}
    </>
  );
}
