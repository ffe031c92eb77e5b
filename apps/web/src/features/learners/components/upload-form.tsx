import type { LearnerImport } from '@lar/shared/api';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DateTime } from '@/components/ui/date-time';
import { ErrorMessage, fieldId, SubmitButton } from '@/components/ui/form';
import { formatBytes } from '@/components/ui/format';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { SERVICE_PROBLEM } from '@/lib/form-errors';
import { MAX_UPLOAD_BYTES, type UploadProgress, useUploadLearners } from '../api/upload-learners';
import { ProgressBar, percent } from './progress-bar';

const FORM_ID = 'upload-learners';
const FIELD = 'file';

/** What is wrong with the file: one message, and for a bad header the columns to fix. */
export interface UploadError {
  message: string;
  header?: { missing: string[]; unknown: string[]; repeated: string[] };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The API's `{ error: { code, message, details } }` as the form shows it. */
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
        repeated: strings(details.repeated),
      },
    };
  }
  return { message: error.message };
}

/** Checks the browser can make before sending anything. */
function checkFile(file: File | undefined): string | undefined {
  if (!file) return 'Select a CSV file to upload';
  if (file.size === 0) return 'The selected file is empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'The selected file must be smaller than 20 MB';
  return undefined;
}

/** Only the quarter marks are announced: a screen reader is told 25%, 50%, 75%, not every byte. */
function uploadAnnouncement(fileName: string, progress: UploadProgress): string {
  const done = percent(progress.loaded, progress.total);
  if (done >= 100) return `${fileName} is uploaded. LAR is checking the file.`;
  const mark = Math.floor(done / 25) * 25;
  return mark === 0 ? `Uploading ${fileName}.` : `${mark}% uploaded.`;
}

// The stylesheet has no file input; the browser's own, in the page's font.
/**
 * Choose a CSV file and upload it, with a progress bar while it is sent. A new file goes on to its
 * import page; a file uploaded before is said so here, with a link to what became of it.
 */
export function UploadLearnersForm() {
  const upload = useUploadLearners();
  const navigate = useNavigate();
  const fileInput = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const [sending, setSending] = useState<{ name: string; progress: UploadProgress } | null>(null);
  const [error, setError] = useState<UploadError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [earlier, setEarlier] = useState<{ n: number; learnerImport: LearnerImport } | null>(null);
  const [status, setStatus] = useState('');
  const id = fieldId(FORM_ID, FIELD);

  // Leaving the page stops an upload under way.
  useEffect(() => () => controller.current?.abort(), []);

  const fail = (next: UploadError) => {
    setError(next);
    setAttempt((n) => n + 1);
  };

  return (
    <>
      {earlier && <AlreadyUploaded key={earlier.n} learnerImport={earlier.learnerImport} />}
      <form
        noValidate
        encType="multipart/form-data"
        onSubmit={(event) => {
          event.preventDefault();
          if (upload.isPending) return;
          const form = event.currentTarget;
          const file = fileInput.current?.files?.[0];
          const problem = checkFile(file);
          if (problem || !file) return fail({ message: problem ?? 'Select a CSV file to upload' });
          setError(null);
          setEarlier(null);
          setSending({ name: file.name, progress: { loaded: 0, total: file.size } });
          setStatus(`Uploading ${file.name}.`);
          const abort = new AbortController();
          controller.current = abort;
          upload
            .mutateAsync({
              file,
              signal: abort.signal,
              onProgress: (progress) => {
                setSending({ name: file.name, progress });
                setStatus(uploadAnnouncement(file.name, progress));
              },
            })
            .then(
              (result) => {
                setSending(null);
                if (result.alreadyProcessed) {
                  setStatus('');
                  form.reset();
                  setEarlier((previous) => ({ n: (previous?.n ?? 0) + 1, learnerImport: result.import }));
                } else {
                  navigate(paths.learnerImport.getHref(result.import.id));
                }
              },
              (reason: unknown) => {
                setSending(null);
                if (abort.signal.aborted) {
                  setStatus('The upload was cancelled. Nothing was changed.');
                  return;
                }
                setStatus('');
                fail(uploadErrorFrom(reason));
              },
            );
        }}
      >
        <UploadErrorSummary error={error} attempt={attempt} />
        <div className={`form-group${error ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor={id}>
            Upload a file
          </label>
          <div id={`${id}-hint`} className="hint">
            A CSV file, up to 20 MB and 100,000 learners.
          </div>
          <ErrorMessage id={id} message={error?.message} />
          <input
            ref={fileInput}
            type="file"
            id={id}
            name={FIELD}
            accept=".csv,text/csv"
            className="file-input"
            aria-describedby={[`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ')}
            aria-invalid={error ? true : undefined}
          />
        </div>
        {sending && (
          <ProgressBar
            id="upload-progress"
            label={`Uploading ${sending.name}`}
            value={sending.progress.loaded}
            max={sending.progress.total}
            text={
              sending.progress.loaded >= sending.progress.total
                ? 'Uploaded. Checking the file…'
                : `${percent(sending.progress.loaded, sending.progress.total)}% uploaded (${formatBytes(
                    sending.progress.loaded,
                  )} of ${formatBytes(sending.progress.total)})`
            }
          />
        )}
        <div className="button-group">
          <SubmitButton pending={upload.isPending} pendingText="Uploading…">
            Upload file
          </SubmitButton>
          {upload.isPending && (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => controller.current?.abort()}
            >
              Cancel upload
            </button>
          )}
        </div>
        <div aria-live="polite" className="visually-hidden">
          {status}
        </div>
      </form>
    </>
  );
}

/**
 * "There is a problem", as the shared error summary shows it, with the message linking to the file
 * input and, for a wrong header row, the columns that are missing, unknown or repeated. It takes
 * focus on every failed attempt.
 */
function UploadErrorSummary({ error, attempt }: { error: UploadError | null; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `${FORM_ID}-error-summary-title`;
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
            href={`#${fieldId(FORM_ID, FIELD)}`}
            onClick={(event) => {
              event.preventDefault();
              const input = document.getElementById(fieldId(FORM_ID, FIELD));
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
      {lists.length > 0 && (
        <p className="hint notification-banner__more">
          The first row must name the columns ULN, GivenName, FamilyName, DateOfBirth and Email.
        </p>
      )}
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

/** The same file again: nothing was changed. Takes focus, so everyone learns why nothing happened. */
function AlreadyUploaded({ learnerImport }: { learnerImport: LearnerImport }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      ref={ref}
      className="notification-banner notification-banner--info"
      role="alert"
      aria-labelledby={titleId}
      tabIndex={-1}
    >
      <h2 id={titleId} className="notification-banner__title">
        This file was uploaded before
      </h2>
      <p className="notification-banner__heading">
        Your centre uploaded the same file on <DateTime value={learnerImport.createdAt} /> (
        {learnerImport.fileName}), so nothing was changed.
      </p>
      <p className="notification-banner__more">
        <Link to={paths.learnerImport.getHref(learnerImport.id)}>View the report of that upload</Link>
      </p>
    </div>
  );
}
