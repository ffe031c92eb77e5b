import type { LearnerImport } from '@lar/shared/api';
import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DateTime } from '@/components/ui/date-time';
import { ErrorMessage, fieldId, SubmitButton } from '@/components/ui/form';
import { ProgressBar } from '@/components/ui/progress-bar';
import {
  type UploadError,
  UploadErrorSummary,
  uploadAnnouncement,
  uploadErrorFrom,
  uploadProgressText,
} from '@/components/ui/upload-error';
import { paths } from '@/config/paths';
import { MAX_UPLOAD_BYTES, type UploadProgress, useUploadLearners } from '../api/upload-learners';

const FORM_ID = 'upload-learners';
const FIELD = 'file';

/** Checks the browser can make before sending anything. */
function checkFile(file: File | undefined): string | undefined {
  if (!file) return 'Select a CSV file to upload';
  if (file.size === 0) return 'The selected file is empty';
  if (file.size > MAX_UPLOAD_BYTES) return 'The selected file must be smaller than 20 MB';
  return undefined;
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
        <UploadErrorSummary
          formId={FORM_ID}
          field={FIELD}
          error={error}
          attempt={attempt}
          columnsHint="The first row must name the columns ULN, GivenName, FamilyName, DateOfBirth and Email."
        />
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
            text={uploadProgressText(sending.progress)}
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
