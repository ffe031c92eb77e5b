import type { AchievementRowReport, AchievementsReport } from '@lar/shared/api';
import { useEffect, useId, useRef, useState } from 'react';
import { countOf, formatNumber, Nothing, showingText } from '@/components/ui/format';
import { ScrollTable } from '@/components/ui/scroll-table';

type Show = 'all' | 'rejected' | 'recorded';

const REPORT_PAGE_SIZE = 100;

const showLabels: Record<Show, string> = { all: 'All rows', rejected: 'Rejected', recorded: 'Recorded' };

/** "3 achievements recorded and 1 row rejected." */
export function reportSummary(report: AchievementsReport): string {
  return `${countOf(report.recorded, 'achievement')} recorded and ${countOf(report.rejected, 'row')} rejected.`;
}

/**
 * What became of each row of an uploaded file: the counts in a banner that takes focus, then the rows,
 * rejected first, which can be narrowed to the rejected or the recorded ones.
 */
export function UploadReport({ fileName, report }: { fileName: string; report: AchievementsReport }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  useEffect(() => {
    ref.current?.focus();
  }, []);

  const rows = [...report.rows]
    .filter((row) => show === 'all' || row.outcome === show)
    // Rejected rows first, each kind in file order: the ones to correct are at the top.
    .sort((a, b) => (a.outcome === b.outcome ? a.row - b.row : a.outcome === 'rejected' ? -1 : 1));
  const totalPages = Math.max(1, Math.ceil(rows.length / REPORT_PAGE_SIZE));
  const shown = rows.slice((page - 1) * REPORT_PAGE_SIZE, page * REPORT_PAGE_SIZE);
  const allRejected = report.recorded === 0 && report.rejected > 0;

  return (
    <>
      <div
        ref={ref}
        className={`notification-banner ${allRejected ? 'notification-banner--warning' : 'notification-banner--success'}`}
        role="alert"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <h2 id={titleId} className="notification-banner__title">
          {allRejected ? 'Nothing was recorded' : 'File processed'}
        </h2>
        <p className="notification-banner__heading">
          {fileName}: {reportSummary(report)}
        </p>
        {report.rejected > 0 && (
          <p className="notification-banner__more">
            Correct the rejected rows and upload them again. Rows already recorded are rejected if sent again,
            so upload only the corrected rows.
          </p>
        )}
      </div>
      <section aria-labelledby="achievements-report-title">
        <h2 id="achievements-report-title">Report of {fileName}</h2>
        <dl className="summary-list">
          <div className="summary-list__row">
            <dt>Achievements recorded</dt>
            <dd>{formatNumber(report.recorded)}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Rejected rows</dt>
            <dd>{formatNumber(report.rejected)}</dd>
          </div>
        </dl>
        {/* biome-ignore lint/a11y/useSemanticElements: a group of toggle buttons, not a form fieldset. */}
        <div role="group" aria-label="Show rows" className="filter full-width">
          <ul className="filter__list">
            {(['all', 'rejected', 'recorded'] as const).map((option) => (
              <li key={option}>
                <button
                  type="button"
                  className="filter__button"
                  aria-pressed={show === option}
                  onClick={() => {
                    setShow(option);
                    setPage(1);
                  }}
                >
                  <span className="filter__label">{showLabels[option]}</span>{' '}
                  <span className="filter__count">
                    {formatNumber(
                      option === 'all'
                        ? report.rows.length
                        : option === 'rejected'
                          ? report.rejected
                          : report.recorded,
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      </section>
      {rows.length === 0 ? (
        <p className="empty">No {show === 'all' ? '' : `${showLabels[show].toLowerCase()} `}rows.</p>
      ) : (
        <>
          <ScrollTable
            label="Report rows"
            wide
            caption={
              <>{show === 'all' ? 'All rows, rejected first' : `${showLabels[show]} rows`}, in file order</>
            }
            note={showingText(page, REPORT_PAGE_SIZE, shown.length, rows.length, 'row')}
            head={[{ label: 'Row', numeric: true }, 'ULN', 'URN', 'Outcome', 'Details']}
          >
            {shown.map((row) => (
              <ReportRow key={row.row} row={row} />
            ))}
          </ScrollTable>
          {totalPages > 1 && (
            <nav aria-label="Pages of the report" className="pagination">
              {page > 1 && (
                <button type="button" className="link-button" onClick={() => setPage(page - 1)}>
                  Previous<span className="visually-hidden"> page</span>
                </button>
              )}
              <span className="pagination__current">
                Page {page} of {totalPages}
              </span>
              {page < totalPages && (
                <button type="button" className="link-button" onClick={() => setPage(page + 1)}>
                  Next<span className="visually-hidden"> page</span>
                </button>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}

function ReportRow({ row }: { row: AchievementRowReport }) {
  return (
    <tr>
      <th scope="row" className="table__numeric">
        {formatNumber(row.row)}
      </th>
      <td className="table__nowrap">{row.uln ? <code>{row.uln}</code> : <Nothing />}</td>
      <td className="table__nowrap">{row.urn ? <code>{row.urn}</code> : <Nothing />}</td>
      <td>
        <strong className="tag" data-status={row.outcome === 'recorded' ? 'SENT' : 'FAILED'}>
          {row.outcome === 'recorded' ? 'Recorded' : 'Rejected'}
        </strong>
      </td>
      <td className="table__break">{row.message || <Nothing label="No problems" />}</td>
    </tr>
  );
}
