import type { CentreLearner } from '@lar/shared/api';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadedList } from '@/components/ui/access-problem';
import { CalendarDate, DateTime } from '@/components/ui/date-time';
import { TextField } from '@/components/ui/form';
import { Nothing, showingText } from '@/components/ui/format';
import { Pagination } from '@/components/ui/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { SortHeader, sortOf } from '@/components/ui/sort-header';
import { paths } from '@/config/paths';
import { type LearnersFilter, parseLearnersFilter, useLearners } from '../api/get-learners';

type SortField = 'familyName' | 'uln' | 'dateOfBirth' | 'registeredAt';

const sortNames: Record<SortField, string> = {
  familyName: 'family name',
  uln: 'ULN',
  dateOfBirth: 'date of birth',
  registeredAt: 'date registered',
};

/** Search box (`?q=`), the centre's learners in the order of `?sort=`, and pages (`?page=`). */
export function LearnerList() {
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const filter = parseLearnersFilter(searchParams);
  const learners = useLearners(filter);

  return (
    <>
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
          navigate(paths.learners.getHref({ q, sort: filter.sort }));
        }}
      >
        <TextField
          key={filter.q}
          formId="learners"
          name="q"
          type="search"
          label="Search learners"
          hint="Part of a name, or a ULN or its first digits"
          defaultValue={filter.q}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          className="input--width-30"
        />
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      {filter.q && (
        <p>
          <Link to={paths.learners.getHref({ sort: filter.sort })}>Clear the search</Link>
        </p>
      )}
      <LoadedList query={learners} loading="Loading learners…" what="your learners">
        {(data) => (
          <Learners filter={filter} items={data.items} total={data.total} pageSize={data.pageSize} />
        )}
      </LoadedList>
    </>
  );
}

function Learners({
  filter,
  items,
  total,
  pageSize,
}: {
  filter: LearnersFilter;
  items: CentreLearner[];
  total: number;
  pageSize: number;
}) {
  if (total === 0) {
    return filter.q ? (
      <p className="empty">No learners match “{filter.q}”.</p>
    ) : (
      <p className="empty">
        Your centre has no learners yet. <Link to={paths.learnerImports.getHref()}>Add new learners</Link>
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <p className="empty">
        There are no learners on this page.{' '}
        <Link to={paths.learners.getHref({ q: filter.q, sort: filter.sort })}>Go to the first page</Link>
      </p>
    );
  }
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const { field, direction } = sortOf<SortField>(filter.sort);
  const sortHref = (sort: string) => paths.learners.getHref({ q: filter.q, sort });
  const showing = showingText(filter.page, pageSize, items.length, total, 'learner');
  return (
    <>
      <ScrollTable
        label="Learners"
        wide
        caption={
          <>
            {filter.q ? `Learners matching “${filter.q}”` : 'Your centre’s learners'}, by {sortNames[field]}
            {direction === 'descending' ? ' (descending)' : ''}
          </>
        }
        note={showing}
        head={[
          <SortHeader label="Family name" field="familyName" sort={filter.sort} hrefFor={sortHref} />,
          'Given name',
          <SortHeader label="ULN" field="uln" sort={filter.sort} hrefFor={sortHref} />,
          <SortHeader label="Date of birth" field="dateOfBirth" sort={filter.sort} hrefFor={sortHref} />,
          'Email',
          <SortHeader
            label="Registered"
            field="registeredAt"
            sort={filter.sort}
            hrefFor={sortHref}
            firstDescending
          />,
          'Signed in',
        ]}
      >
        {items.map((learner) => (
          <LearnerRow key={learner.id} learner={learner} />
        ))}
      </ScrollTable>
      <Pagination
        page={filter.page}
        totalPages={totalPages}
        hrefFor={(page) => paths.learners.getHref({ q: filter.q, sort: filter.sort, page })}
        label="Pages of learners"
      />
    </>
  );
}

function LearnerRow({ learner }: { learner: CentreLearner }) {
  return (
    <tr>
      <td className="table__break">{learner.familyName}</td>
      <td className="table__break">{learner.givenName}</td>
      <td className="table__nowrap">
        <code>{learner.uln}</code>
      </td>
      <td className="table__nowrap">
        <CalendarDate value={learner.dateOfBirth} />
      </td>
      <td className="table__break">{learner.email ?? <Nothing label="No email address" />}</td>
      <td>
        <DateTime value={learner.registeredAt} />
      </td>
      <td>
        {learner.activated ? (
          <strong className="tag" data-status="SENT">
            Yes
          </strong>
        ) : (
          <strong className="tag" data-status="PENDING">
            Not yet
          </strong>
        )}
      </td>
    </tr>
  );
}
