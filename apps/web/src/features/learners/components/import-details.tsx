import type { ImportReportRow, ImportRowOutcome, LearnerImport } from '@lar/shared/api';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadProblem } from '@/components/ui/access-problem';
import { CalendarDate, DateTime } from '@/components/ui/date-time';
import { countOf, formatNumber, Nothing, showingText } from '@/components/ui/format';
import { Pagination } from '@/components/ui/pagination';
import { ProgressBar, percent } from '@/components/ui/progress-bar';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import {
  IMPORT_ROW_OUTCOMES,
  isRunning,
  parseReportFilter,
  type ReportFilter,
  useImport,
  useImportReport,
} from '../api/get-imports';
import { learnerDownloads, learnerKeys } from '../api/keys';
import { ImportStatusTag, OutcomeTag, outcomeDescriptions, outcomeLabels } from './format';

/** What a screen reader is told, politely: the status, and a running import's quarter marks. */
function announcement(learnerImport: LearnerImport): string {
  const { status, processedRows, totalRows, counts } = learnerImport;
  if (status === 'QUEUED') return 'Waiting to start processing the file.';
  if (status === 'PROCESSING') {
    const mark = Math.floor(percent(processedRows, totalRows) / 25) * 25;
    return mark === 0 ? 'Processing the file.' : `Processing: ${mark}% of rows done.`;
  }
  if (status === 'FAILED') return 'Processing the file failed.';
  return (
    `Processing finished. ${countOf(counts.created, 'learner')} created, ` +
    `${formatNumber(counts.registered)} registered, ${formatNumber(counts.alreadyRegistered)} already ` +
    `registered, ${countOf(counts.rejected, 'row')} rejected.`
  );
}

/** One upload: its details, a progress bar while it runs, and the report when it has finished. */
export function ImportDetails({ importId }: { importId: string }) {
  const query = useImport(importId);
  const queryClient = useQueryClient();
  const learnerImport = query.data;
  const wasRunning = useRef(false);

  // When an import finishes here, the lists that show its learners and its counts are out of date.
  useEffect(() => {
    if (!learnerImport) return;
    if (isRunning(learnerImport)) wasRunning.current = true;
    else if (wasRunning.current) {
      wasRunning.current = false;
      void queryClient.invalidateQueries({ queryKey: learnerKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: learnerKeys.importLists() });
    }
  }, [learnerImport, queryClient]);

  if (query.isPending) {
    return (
      <>
        <h1>Learners upload</h1>
        <p role="status" className="loading">
          Loading the upload…
        </p>
      </>
    );
  }
  if (query.isError) {
    // 400: not an import id at all (a mistyped link); 404: no such import, or another centre's.
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <>
          <h1>Upload not found</h1>
          <p>
            We cannot find this upload. It may have been made by another centre, or the link may be wrong.
          </p>
          <p>
            <Link to={paths.learnerImports.getHref()}>See your centre’s uploads</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <h1>Learners upload</h1>
        <LoadProblem
          error={query.error}
          what="this upload"
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </>
    );
  }

  const item = query.data;
  return (
    <>
      <span className="caption">Learners upload</span>
      <h1 className="break-words">{item.fileName}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Status</dt>
          <dd>
            <ImportStatusTag status={item.status} />
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Uploaded</dt>
          <dd>
            <DateTime value={item.createdAt} />
            {item.uploadedBy && ` by ${item.uploadedBy}`}
          </dd>
        </div>
        {item.completedAt && (
          <div className="summary-list__row">
            <dt>{item.status === 'FAILED' ? 'Stopped' : 'Finished'}</dt>
            <dd>
              <DateTime value={item.completedAt} />
            </dd>
          </div>
        )}
        <div className="summary-list__row">
          <dt>Rows in the file</dt>
          <dd>{formatNumber(item.totalRows)}</dd>
        </div>
      </dl>
      <div aria-live="polite" className="visually-hidden">
        {announcement(item)}
      </div>
      {isRunning(item) ? (
        <Progress item={item} />
      ) : item.status === 'FAILED' ? (
        <Failed item={item} />
      ) : (
        <Report item={item} />
      )}
    </>
  );
}

function Progress({ item }: { item: LearnerImport }) {
  const queued = item.status === 'QUEUED';
  return (
    <section aria-labelledby="import-progress-title">
      <h2 id="import-progress-title">{queued ? 'Waiting to start' : 'Processing the file'}</h2>
      <ProgressBar
        id="import-progress"
        label="Rows processed"
        value={item.processedRows}
        max={item.totalRows}
        text={`${formatNumber(item.processedRows)} of ${formatNumber(item.totalRows)} rows (${percent(
          item.processedRows,
          item.totalRows,
        )}%)`}
      />
      <p>You can leave this page. LAR goes on processing the file and emails you when the report is ready.</p>
    </section>
  );
}

function Failed({ item }: { item: LearnerImport }) {
  return (
    <section aria-labelledby="import-failed-title">
      <h2 id="import-failed-title">LAR could not finish processing this file</h2>
      <div className="inset-text">
        <p>{item.error ?? 'Something went wrong while processing the file.'}</p>
        <p>
          It stopped after {countOf(item.processedRows, 'row')} of {formatNumber(item.totalRows)}. Learners
          from those rows have been added: {formatNumber(item.counts.created)} created and{' '}
          {formatNumber(item.counts.registered)} registered.
        </p>
      </div>
      <p>
        <Link to={paths.learnerImports.getHref()}>Upload the file again</Link>. Rows already added will not be
        added twice.
      </p>
    </section>
  );
}

function Counts({ item }: { item: LearnerImport }) {
  return (
    <dl className="summary-list">
      {IMPORT_ROW_OUTCOMES.map((outcome) => (
        <div key={outcome} className="summary-list__row">
          <dt>{outcomeDescriptions[outcome]}</dt>
          <dd>
            {formatNumber(item.counts[outcome])}
            {outcome === 'created' && item.counts.createdWithoutEmail > 0 && (
              <span className="secondary-text">
                {formatNumber(item.counts.createdWithoutEmail)} of them without an email address
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** What the centre does next: who was emailed, who needs an activation code, what to correct. */
function NextSteps({ item }: { item: LearnerImport }) {
  const { created, createdWithoutEmail, rejected, registered, alreadyRegistered } = item.counts;
  const emailed = created - createdWithoutEmail;
  return (
    <>
      {emailed > 0 && (
        <p>
          {emailed === 1
            ? '1 new learner with an email address has'
            : `${formatNumber(emailed)} new learners with an email address have`}{' '}
          been emailed their ULN and a password. They sign in at the{' '}
          <Link to={paths.learnerSignIn.getHref()}>learner sign-in page</Link> and then choose their own
          password.
        </p>
      )}
      {createdWithoutEmail > 0 && (
        <div className="warning-text">
          <span className="warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong>
            <span className="visually-hidden">Warning: </span>
            {createdWithoutEmail === 1
              ? '1 new learner has no email address. Give them their activation code, shown in their row of the report.'
              : `${formatNumber(createdWithoutEmail)} new learners have no email address. Give each of them their activation code, shown in their row of the report.`}{' '}
            They use it as their first password, with their ULN, at the learner sign-in page, and then choose
            their own password; after that the code no longer works.
          </strong>
        </div>
      )}
      {registered > 0 && (
        <p>
          {registered === 1
            ? '1 learner already had a LAR and is now registered with your centre too.'
            : `${formatNumber(registered)} learners already had a LAR and are now registered with your centre too.`}
        </p>
      )}
      {alreadyRegistered > 0 && created + registered + rejected === 0 && (
        <p>Every learner in this file was already registered with your centre, so nothing changed.</p>
      )}
      {rejected > 0 && (
        <p>Correct the rejected rows and upload them again. Rows that were added will not be added twice.</p>
      )}
    </>
  );
}

function Report({ item }: { item: LearnerImport }) {
  const [searchParams] = useSearchParams();
  const filter = parseReportFilter(searchParams);
  return (
    // Not a <section>: the table must be a child of <main> to use the full width.
    <>
      <h2 id="import-report-title">Report</h2>
      <Counts item={item} />
      <NextSteps item={item} />
      <p>
        <a href={learnerDownloads.reportCsv(item.id)} download>
          Download the report (CSV)
        </a>
      </p>
      <h3>Rows</h3>
      <OutcomeFilter item={item} filter={filter} />
      <ReportRows item={item} filter={filter} />
    </>
  );
}

function OutcomeFilter({ item, filter }: { item: LearnerImport; filter: ReportFilter }) {
  const { created, registered, alreadyRegistered, rejected } = item.counts;
  const options: { outcome?: ImportRowOutcome; label: string; count: number }[] = [
    { label: 'All', count: created + registered + alreadyRegistered + rejected },
    ...IMPORT_ROW_OUTCOMES.map((outcome) => ({
      outcome,
      label: outcomeLabels[outcome],
      count: item.counts[outcome],
    })),
  ];
  return (
    <nav aria-label="Filter rows by outcome" className="filter full-width">
      <ul className="filter__list">
        {options.map(({ outcome, label, count }) => (
          <li key={label}>
            <Link
              to={paths.learnerImport.getHref(item.id, { outcome })}
              className="filter__link"
              aria-current={filter.outcome === outcome ? 'page' : undefined}
            >
              <span className="filter__label">{label}</span>{' '}
              <span className="filter__count">{formatNumber(count)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ReportRows({ item, filter }: { item: LearnerImport; filter: ReportFilter }) {
  const report = useImportReport(item.id, filter, { enabled: item.status === 'COMPLETED' });
  if (report.isPending) {
    return (
      <p role="status" className="loading">
        Loading the report…
      </p>
    );
  }
  if (report.isError) {
    return (
      <LoadProblem
        error={report.error}
        what="the report"
        onRetry={() => void report.refetch()}
        retrying={report.isFetching}
      />
    );
  }
  const { items, total, pageSize } = report.data;
  const which = filter.outcome ? outcomeLabels[filter.outcome].toLowerCase() : '';
  if (total === 0) return <p className="empty">{which ? `No ${which} rows.` : 'The file had no rows.'}</p>;
  if (items.length === 0) {
    return (
      <p className="empty">
        There are no rows on this page.{' '}
        <Link to={paths.learnerImport.getHref(item.id, { outcome: filter.outcome })}>
          Go to the first page
        </Link>
      </p>
    );
  }
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <div aria-live="polite" className="visually-hidden">
        {report.isPlaceholderData ? 'Loading rows…' : ''}
      </div>
      <ScrollTable
        label="Report rows"
        wide
        caption={<>{filter.outcome ? `${outcomeLabels[filter.outcome]} rows` : 'All rows'}, in file order</>}
        note={showingText(filter.page, pageSize, items.length, total, 'row')}
        head={[
          { label: 'Row', numeric: true },
          'ULN',
          'Name',
          'Date of birth',
          'Email',
          'Outcome',
          'Details',
        ]}
      >
        {items.map((row) => (
          <ReportRow key={row.row} row={row} />
        ))}
      </ScrollTable>
      <Pagination
        page={filter.page}
        totalPages={totalPages}
        hrefFor={(page) => paths.learnerImport.getHref(item.id, { outcome: filter.outcome, page })}
        label="Pages of the report"
      />
    </>
  );
}

function ReportRow({ row }: { row: ImportReportRow }) {
  const name = [row.givenName, row.familyName].filter(Boolean).join(' ');
  // The message of a created row without email repeats its code; the code is shown on its own.
  const message = row.activationCode && row.message.includes(row.activationCode) ? '' : row.message;
  return (
    <tr>
      <th scope="row" className="table__numeric">
        {formatNumber(row.row)}
      </th>
      <td className="table__nowrap">{row.uln ? <code>{row.uln}</code> : <Nothing />}</td>
      <td className="table__break">{name || <Nothing />}</td>
      <td className="table__nowrap">
        {row.dateOfBirth ? <CalendarDate value={row.dateOfBirth} /> : <Nothing />}
      </td>
      <td className="table__break">{row.email || <Nothing />}</td>
      <td>
        <OutcomeTag outcome={row.outcome} />
      </td>
      <td className="table__break">
        {row.activationCode && (
          <>
            <strong className="secondary-text activation-code__label">Activation code</strong>
            <code className="activation-code">{row.activationCode}</code>
          </>
        )}
        {message && <span className="pre-line">{message}</span>}
      </td>
    </tr>
  );
}
