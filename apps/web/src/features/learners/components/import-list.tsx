import type { LearnerImport, LearnerImportsPage } from '@lar/shared/api';
import { Link, useSearchParams } from 'react-router';
import { LoadedList } from '@/components/ui/access-problem';
import { DateTime } from '@/components/ui/date-time';
import { formatNumber, showingText } from '@/components/ui/format';
import { Pagination } from '@/components/ui/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import { isRunning, useImports } from '../api/get-imports';
import { parsePage } from '../api/keys';
import { ImportStatusTag } from './format';

/** The centre's earlier uploads, newest first, each linking to its progress and report. */
export function ImportList() {
  const [searchParams] = useSearchParams();
  const page = parsePage(searchParams.get('page'));
  const imports = useImports(page);

  return (
    <LoadedList query={imports} loading="Loading uploads…" what="your uploads">
      {(data) => <ImportTable data={data} page={page} />}
    </LoadedList>
  );
}

function ImportTable({ data, page }: { data: LearnerImportsPage; page: number }) {
  const { items, total, pageSize } = data;
  if (total === 0) return <p className="empty">Your centre has not uploaded any learners yet.</p>;
  if (items.length === 0) {
    return (
      <p className="empty">
        There are no uploads on this page.{' '}
        <Link to={paths.learnerImports.getHref()}>Go to the first page</Link>
      </p>
    );
  }
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <ScrollTable
        label="Earlier uploads"
        wide
        caption="Uploads, newest first"
        note={showingText(page, pageSize, items.length, total, 'upload')}
        head={[
          'File',
          'Uploaded',
          'Status',
          { label: 'Rows', numeric: true },
          { label: 'Created', numeric: true },
          { label: 'Registered', numeric: true },
          { label: 'Already registered', numeric: true },
          { label: 'Rejected', numeric: true },
        ]}
      >
        {items.map((item) => (
          <ImportRow key={item.id} item={item} />
        ))}
      </ScrollTable>
      <Pagination
        page={page}
        totalPages={totalPages}
        hrefFor={(n) => paths.learnerImports.getHref({ page: n })}
        label="Pages of uploads"
      />
    </>
  );
}

function ImportRow({ item }: { item: LearnerImport }) {
  const count = formatNumber;
  return (
    <tr>
      <td className="table__break">
        <Link to={paths.learnerImport.getHref(item.id)}>{item.fileName}</Link>
      </td>
      <td>
        <DateTime value={item.createdAt} />
        {item.uploadedBy && <span className="secondary-text">by {item.uploadedBy}</span>}
      </td>
      <td>
        <ImportStatusTag status={item.status} />
        {isRunning(item) && item.totalRows > 0 && (
          <span className="secondary-text">
            {formatNumber(item.processedRows)} of {formatNumber(item.totalRows)} rows
          </span>
        )}
      </td>
      <td className="table__numeric">{formatNumber(item.totalRows)}</td>
      <td className="table__numeric">{count(item.counts.created)}</td>
      <td className="table__numeric">{count(item.counts.registered)}</td>
      <td className="table__numeric">{count(item.counts.alreadyRegistered)}</td>
      <td className="table__numeric">{count(item.counts.rejected)}</td>
    </tr>
  );
}
