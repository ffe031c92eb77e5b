import type { AchievementsReport } from '@lar/shared/api';
import { useEffect, useRef, useState } from 'react';
import { ErrorMessage, fieldId, SubmitButton } from '@/components/ui/form';
import { ProgressBar } from '@/components/ui/progress-bar';
import {
  type UploadError,
  UploadErrorSummary,
  uploadAnnouncement,
  uploadErrorFrom,
  uploadProgressText,
} from '@/components/ui/upload-error';
import type { UploadProgress } from '@/lib/upload-file';
import { MAX_ACHIEVEMENTS_BYTES, useUploadAchievements } from '../api/upload-achievements';
import { UploadReport } from './upload-report';

const FORM_ID = 'upload-achievements';
const FIELD = 'file';

/** Checks the browser can make before sending anything. */
function checkFile(file: File | undefined): string | undefined {
  if (!file) return 'Select a CSV file to upload';
  if (file.size === 0) return 'The selected file is empty';
  if (file.size > MAX_ACHIEVEMENTS_BYTES) return 'The selected file must be smaller than 20 MB';
  return undefined;
}

/**
 * Choose an Achievements CSV and upload it, with a progress bar while it is sent; the report of every
 * row (recorded or rejected, and why) then shows under the form.
 */
export function UploadAchievementsForm() {
  const upload = useUploadAchievements();
  const fileInput = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const [sending, setSending] = useState<{ name: string; progress: UploadProgress } | null>(null);
  const [error, setError] = useState<UploadError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ n: number; fileName: string; report: AchievementsReport } | null>(
    null,
  );
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
          setResult(null);
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
              (report) => {
                setSending(null);
                setStatus('');
                form.reset();
                setResult((previous) => ({ n: (previous?.n ?? 0) + 1, fileName: file.name, report }));
              },
              (reason: unknown) => {
                setSending(null);
                if (abort.signal.aborted) {
                  setStatus('The upload was cancelled. Nothing was recorded.');
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
          columnsHint="The first row must name the columns ULN, URN and AchievedOn, and may add Basis."
        />
        <div className={`form-group${error ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor={id}>
            Upload an Achievements CSV file
          </label>
          <div id={`${id}-hint`} className="hint">
            Up to 10,000 achievements and 20 MB.
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
            id="achievements-upload-progress"
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
      {result && <UploadReport key={result.n} fileName={result.fileName} report={result.report} />}
    </>
  );
}
