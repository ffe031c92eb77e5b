import type { CatalogueImportSummary } from '@lar/shared/api';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage, fieldId, SubmitButton, SuccessBanner, TextField } from '@/components/ui/form';
import { countOf, formatBytes, formatNumber } from '@/components/ui/format';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { SERVICE_PROBLEM } from '@/lib/form-errors';
import { MAX_CATALOGUE_BYTES, useImportCatalogue } from '../api/import-catalogue';

const FORM_ID = 'import-catalogue';
const CODE = 'awardingOrganisation';
const FILE = 'file';

/** What went wrong: a message for each field, and every problem the API found in the file. */
export interface ImportErrors {
  code?: string;
  file?: string;
  /** `CATALOGUE_INVALID`'s `details.errors`, each starting with its path in the file. */
  problems: string[];
  /** The file the problems are in. */
  fileName?: string;
}

const noErrors: ImportErrors = { problems: [] };
const hasErrors = (errors: ImportErrors) => Boolean(errors.code || errors.file || errors.problems.length > 0);

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The API's `{ error: { code, message, details } }` as the form shows it. */
export function importErrorsFrom(error: unknown, fileName: string, administrator: boolean): ImportErrors {
  if (!(error instanceof ApiError)) return { problems: [], file: SERVICE_PROBLEM };
  if (error.status === 0) {
    return {
      problems: [],
      file: 'The file could not be sent. Check your internet connection and try again.',
    };
  }
  if (error.status === 401)
    return { problems: [], file: 'You have been signed out. Sign in again, then import the file.' };
  if (error.status === 403) return { problems: [], file: 'Your account cannot import catalogue files.' };
  if (error.status === 413) return { problems: [], file: 'The selected file must be smaller than 20 MB' };
  if (error.status >= 500) return { problems: [], file: SERVICE_PROBLEM };
  if (error.code === 'CATALOGUE_INVALID') {
    const all = strings((error.details as { errors?: unknown } | null | undefined)?.errors);
    // An administrator's code is a field of the form, not of the file: its problem goes next to it.
    const isCodeProblem = (problem: string) => administrator && problem.startsWith(`${CODE}:`);
    const codeProblem = all.find(isCodeProblem);
    const problems = all.filter((problem) => !isCodeProblem(problem));
    return {
      code: codeProblem ? capitalise(codeProblem.slice(CODE.length + 1).trim()) : undefined,
      file: problems.length > 0 || !codeProblem ? error.message : undefined,
      problems,
      fileName,
    };
  }
  return { problems: [], file: error.message };
}

/** Checks the browser can make before reading the file. */
function checkFile(file: File | undefined): string | undefined {
  if (!file) return 'Select a JSON file to import';
  if (file.size === 0) return 'The selected file is empty';
  if (file.size > MAX_CATALOGUE_BYTES) return 'The selected file must be smaller than 20 MB';
  return undefined;
}

function checkCode(code: string): string | undefined {
  if (!code) return 'Enter the code of the awarding organisation that owns the entries';
  if (!/^\d{8}$/.test(code)) return 'The awarding organisation’s code must be 8 digits, like 10054321';
  return undefined;
}

type ReadResult = { body: Record<string, unknown> } | { error: string };

/** The file's content as the body to send, or why it cannot be. */
async function readCatalogue(file: File): Promise<ReadResult> {
  let content: unknown;
  try {
    content = JSON.parse(await file.text());
  } catch (error) {
    const why = error instanceof SyntaxError ? ` (${error.message})` : '';
    return { error: `${file.name} is not a valid JSON file${why}. Check the file, then choose it again.` };
  }
  if (typeof content !== 'object' || content === null || Array.isArray(content)) {
    return {
      error: `${file.name} must hold one JSON object, with the lists “units” and “qualifications”`,
    };
  }
  return { body: { ...(content as Record<string, unknown>) } };
}

interface Result {
  n: number;
  fileName: string;
  summary: CatalogueImportSummary;
}

/**
 * Choose a catalogue file (JSON), read and parse it here, and send its content; an administrator
 * names the awarding organisation it is for. Then the summary of what changed, or every problem of
 * the file (nothing is imported while there is one).
 */
export function ImportCatalogueForm({ administrator }: { administrator: boolean }) {
  const importCatalogue = useImportCatalogue();
  const fileInput = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ name: string; size: number } | null>(null);
  const [reading, setReading] = useState(false);
  const [errors, setErrors] = useState<ImportErrors>(noErrors);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Result | null>(null);
  const pending = reading || importCatalogue.isPending;
  const fileId = fieldId(FORM_ID, FILE);

  const fail = (next: ImportErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const code = administrator ? String(new FormData(form).get(CODE) ?? '').trim() : '';
    const file = fileInput.current?.files?.[0];
    const codeError = administrator ? checkCode(code) : undefined;
    const fileError = checkFile(file);
    if (codeError || fileError || !file) return fail({ code: codeError, file: fileError, problems: [] });

    setResult(null);
    setReading(true);
    const read = await readCatalogue(file).finally(() => setReading(false));
    if ('error' in read) return fail({ file: read.error, problems: [] });
    const { awardingOrganisation: _ignored, ...content } = read.body;
    const body = administrator ? { ...content, awardingOrganisation: code } : content;

    importCatalogue.mutate(body, {
      onSuccess: (summary) => {
        setErrors(noErrors);
        form.reset();
        setChosen(null);
        setResult((previous) => ({ n: (previous?.n ?? 0) + 1, fileName: file.name, summary }));
      },
      onError: (error) => fail(importErrorsFrom(error, file.name, administrator)),
    });
  };

  return (
    <>
      {result && <ImportResult key={result.n} result={result} />}
      {result && <h3 className="import-again">Import another file</h3>}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <ImportErrorSummary errors={errors} attempt={attempt} />
        <ProblemList errors={errors} />
        {administrator && (
          <TextField
            formId={FORM_ID}
            name={CODE}
            label="Awarding organisation code"
            hint="The 8-digit code (UKPRN) of the awarding organisation that owns these units and qualifications"
            error={errors.code}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            className="input--width-10"
          />
        )}
        <div className={`form-group${errors.file ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor={fileId}>
            Catalogue file
          </label>
          <div id={`${fileId}-hint`} className="hint">
            A JSON file of units and qualifications, up to 20 MB.
          </div>
          <ErrorMessage id={fileId} message={errors.file} />
          <input
            ref={fileInput}
            type="file"
            id={fileId}
            name={FILE}
            accept=".json,application/json"
            className="file-input"
            aria-describedby={[
              `${fileId}-hint`,
              errors.file ? `${fileId}-error` : '',
              chosen ? `${fileId}-chosen` : '',
            ]
              .filter(Boolean)
              .join(' ')}
            aria-invalid={errors.file ? true : undefined}
            onChange={(event) => {
              const file = event.currentTarget.files?.[0];
              setChosen(file ? { name: file.name, size: file.size } : null);
            }}
          />
          {chosen && (
            <p id={`${fileId}-chosen`} className="chosen-file">
              Chosen file: <strong className="break-words">{chosen.name}</strong> ({formatBytes(chosen.size)})
            </p>
          )}
        </div>
        <SubmitButton pending={pending} pendingText={reading ? 'Reading the file…' : 'Importing…'}>
          Import file
        </SubmitButton>
        <div aria-live="polite" className="visually-hidden">
          {pending ? 'Importing the file.' : ''}
        </div>
      </form>
    </>
  );
}

function focusField(id: string) {
  const target = document.getElementById(id);
  target?.focus();
  target?.scrollIntoView?.({ block: 'center' });
}

/** "There is a problem": a link to each field to fix. Takes focus on every failed attempt. */
function ImportErrorSummary({ errors, attempt }: { errors: ImportErrors; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = `${FORM_ID}-error-summary-title`;
  const shown = hasErrors(errors);
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [attempt, shown]);
  if (!shown) return null;
  const items = [
    { name: CODE, message: errors.code },
    { name: FILE, message: errors.file },
  ].filter((item): item is { name: string; message: string } => Boolean(item.message));
  return (
    <div ref={ref} className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1}>
      <h2 id={titleId} className="error-summary__title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {items.map((item) => (
          <li key={item.name}>
            <a
              href={`#${fieldId(FORM_ID, item.name)}`}
              onClick={(event) => {
                event.preventDefault();
                focusField(fieldId(FORM_ID, item.name));
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
      {errors.problems.length > 0 && (
        <p className="error-summary__more">
          <a href="#catalogue-problems">
            See the {countOf(errors.problems.length, 'problem')} in {errors.fileName ?? 'the file'}
          </a>
          , each with where it is in the file.
        </p>
      )}
    </div>
  );
}

/** "qualifications[2].groups[0].minCredits: must be …": the path, then what is wrong there. */
function Problem({ text }: { text: string }) {
  const match = /^([^\s:]+):\s*(.*)$/s.exec(text);
  if (!match) return <>{text}</>;
  return (
    <>
      <code className="problem-list__path">{match[1]}</code>: {match[2]}
    </>
  );
}

/** Every problem of the file, right under the summary (the list can be long). */
function ProblemList({ errors }: { errors: ImportErrors }) {
  if (errors.problems.length === 0) return null;
  return (
    <section aria-labelledby="catalogue-problems-title" className="problem-list" id="catalogue-problems">
      <h2 id="catalogue-problems-title" className="problem-list__title">
        {countOf(errors.problems.length, 'problem')} in{' '}
        <span className="break-words">{errors.fileName ?? 'the file'}</span>
      </h2>
      <p>Nothing was imported. Correct the file, then import it again.</p>
      <ol className="problem-list__items">
        {errors.problems.map((problem, index) => (
          <li key={index}>
            <Problem text={problem} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function BrowseLinks() {
  return (
    <ul className="list-bullet">
      <li>
        <Link to={paths.catalogue.getHref()}>Browse the catalogue’s qualifications</Link>
      </li>
      <li>
        <Link to={paths.catalogue.getHref({ tab: 'units' })}>Browse the catalogue’s units</Link>
      </li>
    </ul>
  );
}

/** What the import did, or that the same content was imported before. Takes focus when it appears. */
function ImportResult({ result }: { result: Result }) {
  const { summary, fileName } = result;
  const owner = `${summary.awardingOrganisation.name} (${summary.awardingOrganisation.code})`;
  if (summary.alreadyImported) return <AlreadyImported fileName={fileName} owner={owner} />;
  const { units, qualifications } = summary;
  return (
    <>
      <SuccessBanner title="Catalogue imported">
        <span className="break-words">{fileName}</span> was imported for {owner}.
      </SuccessBanner>
      <section aria-labelledby="import-summary-title">
        <h3 id="import-summary-title">What changed</h3>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Units</dt>
            <dd>
              {formatNumber(units.created)} created, {formatNumber(units.updated)} updated,{' '}
              {formatNumber(units.unchanged)} unchanged
            </dd>
          </div>
          <div className="summary-list__row">
            <dt>Qualifications</dt>
            <dd>
              {formatNumber(qualifications.created)} created,{' '}
              {countOf(qualifications.newVersion, 'new version')}, {formatNumber(qualifications.unchanged)}{' '}
              unchanged
            </dd>
          </div>
        </dl>
        {summary.warnings.length > 0 && (
          <>
            <h4 className="warning-list__title">{countOf(summary.warnings.length, 'warning')}</h4>
            <p>The file was imported, but check these:</p>
            <ul className="list-bullet warning-list">
              {summary.warnings.map((warning, index) => (
                <li key={index}>
                  <Problem text={warning} />
                </li>
              ))}
            </ul>
          </>
        )}
        <BrowseLinks />
      </section>
    </>
  );
}

function AlreadyImported({ fileName, owner }: { fileName: string; owner: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <>
      <div
        ref={ref}
        className="notification-banner notification-banner--info"
        role="alert"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <h2 id={titleId} className="notification-banner__title">
          This catalogue was imported before
        </h2>
        <p className="notification-banner__heading">
          The same content as <span className="break-words">{fileName}</span> was imported before for {owner},
          so nothing was changed.
        </p>
      </div>
      <BrowseLinks />
    </>
  );
}
