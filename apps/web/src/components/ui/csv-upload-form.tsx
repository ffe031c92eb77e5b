import { useEffect, useRef, useState } from 'react';
import type { UploadProgress } from '@/lib/upload-file';
import { ErrorMessage, fieldId, SubmitButton } from './form';
import { ProgressBar } from './progress-bar';
import {
  type UploadError,
  UploadErrorSummary,
  uploadAnnouncement,
  uploadErrorFrom,
  uploadProgressText,
} from './upload-error';

const FIELD = 'file';

/** An upload mutation: sends the file with progress, and can be cancelled. */
export interface CsvUpload<T> {
  isPending: boolean;
  mutateAsync(args: {
    file: File;
    signal: AbortSignal;
    onProgress: (progress: UploadProgress) => void;
  }): Promise<T>;
}

export interface CsvUploadFormProps<T> {
  formId: string;
  label: string;
  hint: string;
  /** What the header must hold, shown with a header problem. */
  columnsHint: string;
  progressId: string;
  maxBytes: number;
  upload: CsvUpload<T>;
  /** Announced when the person cancels, e.g. "Nothing was changed." */
  cancelled: string;
  /** A new upload starts: results shown for an earlier one go. */
  onStart?: () => void;
  /** The file was accepted; the form has been reset. */
  onUploaded: (file: File, result: T) => void;
}

/**
 * Choose a CSV file and upload it: checks the browser can make first, then a progress bar (with a
 * polite announcement at each quarter) and a cancel button while it is sent, and the API's answer to a
 * refused file in the error summary (header problems listed). What follows success is the caller's.
 */
export function CsvUploadForm<T>({
  formId,
  label,
  hint,
  columnsHint,
  progressId,
  maxBytes,
  upload,
  cancelled,
  onStart,
  onUploaded,
}: CsvUploadFormProps<T>) {
  const fileInput = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const [sending, setSending] = useState<{ name: string; progress: UploadProgress } | null>(null);
  const [error, setError] = useState<UploadError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState('');
  const id = fieldId(formId, FIELD);

  // Leaving the page stops an upload under way.
  useEffect(() => () => controller.current?.abort(), []);

  const fail = (next: UploadError) => {
    setError(next);
    setAttempt((n) => n + 1);
  };
  const problemWith = (file: File | undefined) => {
    if (!file) return 'Select a CSV file to upload';
    if (file.size === 0) return 'The selected file is empty';
    if (file.size > maxBytes) return `The selected file must be smaller than ${maxBytes / 1024 / 1024} MB`;
    return undefined;
  };

  return (
    <form
      noValidate
      encType="multipart/form-data"
      onSubmit={(event) => {
        event.preventDefault();
        if (upload.isPending) return;
        const form = event.currentTarget;
        const file = fileInput.current?.files?.[0];
        const problem = problemWith(file);
        if (problem || !file) return fail({ message: problem ?? 'Select a CSV file to upload' });
        setError(null);
        onStart?.();
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
              setStatus('');
              form.reset();
              onUploaded(file, result);
            },
            (reason: unknown) => {
              setSending(null);
              if (abort.signal.aborted) {
                setStatus(`The upload was cancelled. ${cancelled}`);
                return;
              }
              setStatus('');
              fail(uploadErrorFrom(reason));
            },
          );
      }}
    >
      <UploadErrorSummary
        formId={formId}
        field={FIELD}
        error={error}
        attempt={attempt}
        columnsHint={columnsHint}
      />
      <div className={`form-group${error ? ' form-group--error' : ''}`}>
        <label className="label" htmlFor={id}>
          {label}
        </label>
        <div id={`${id}-hint`} className="hint">
          {hint}
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
          id={progressId}
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
  );
}
