import type { ClaimStatus, ClaimsPage, ClaimView, Role } from '@lar/shared/api';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadedList } from '@/components/ui/access-problem';
import { DateTime } from '@/components/ui/date-time';
import { TextField } from '@/components/ui/form';
import { countOf, formatNumber, levelName, showingText } from '@/components/ui/format';
import { Pagination } from '@/components/ui/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { SortHeader, sortOf } from '@/components/ui/sort-header';
import { paths } from '@/config/paths';
import { readForm } from '@/lib/form-errors';
import {
  type ClaimsFilter,
  claimStatusesFor,
  claimsExportHref,
  defaultClaimStatus,
  parseClaimsFilter,
  useClaims,
} from '../api/get-claims';
import { ClaimStatusTag, claimStatusLabels } from './format';

const FORM_ID = 'claims-search';

type SortField = 'evaluatedAt' | 'learner' | 'qualification' | 'status';

const sortNames: Record<SortField, string> = {
  evaluatedAt: 'date checked',
  learner: 'learner',
  qualification: 'qualification',
  status: 'status',
};

/**
 * The address of a filter: the role's default status is left out, so the plain `/claims` of the
 * emails and the navigation is the default list.
 */
function hrefFor(role: Role | undefined, filter: Partial<ClaimsFilter>): string {
  const { status, ...rest } = filter;
  return paths.claims.getHref({
    ...rest,
    status: status === defaultClaimStatus(role) ? undefined : status,
  });
}

/** "Submitted claims for learners matching “shah”, for qualifications matching “500/”". */
function captionText(filter: ClaimsFilter): string {
  const which = filter.status === 'all' ? 'All claims' : `${claimStatusLabels[filter.status]} claims`;
  const parts = [
    filter.learner ? `for learners matching “${filter.learner}”` : '',
    filter.qualification ? `for qualifications matching “${filter.qualification}”` : '',
  ].filter(Boolean);
  return [which, ...parts].join(' ');
}

/**
 * Claims by status (`?status=`, with counts), searched by qualification and learner, sorted by a
 * column heading (`?sort=`) and paged (`?page=`), with the same list as a CSV download.
 */
export function ClaimList({ role }: { role: Role }) {
  const [searchParams] = useSearchParams();
  const filter = parseClaimsFilter(searchParams, role);
  const claims = useClaims(filter);
  const searched = Boolean(filter.qualification || filter.learner);

  return (
    <>
      <StatusFilter role={role} filter={filter} counts={claims.data?.counts} />
      <SearchForm role={role} filter={filter} />
      {searched && (
        <p>
          <Link to={hrefFor(role, { status: filter.status, sort: filter.sort })}>Clear the search</Link>
        </p>
      )}
      <LoadedList query={claims} loading="Loading claims…" what="claims">
        {(data) => <Claims role={role} filter={filter} page={data} />}
      </LoadedList>
    </>
  );
}

function StatusFilter({
  role,
  filter,
  counts,
}: {
  role: Role;
  filter: ClaimsFilter;
  counts: ClaimsPage['counts'] | undefined;
}) {
  const statuses = claimStatusesFor(role);
  const options: { status: ClaimStatus | 'all'; label: string; count: number | undefined }[] = [
    ...statuses.map((status) => ({ status, label: claimStatusLabels[status], count: counts?.[status] ?? 0 })),
    {
      status: 'all' as const,
      label: 'All',
      count: statuses.reduce((sum, status) => sum + (counts?.[status] ?? 0), 0),
    },
  ];
  return (
    <nav aria-label="Claims by status" className="filter full-width">
      <ul className="filter__list">
        {options.map(({ status, label, count }) => (
          <li key={status}>
            <Link
              to={hrefFor(role, {
                status,
                qualification: filter.qualification,
                learner: filter.learner,
                sort: filter.sort,
              })}
              className="filter__link"
              aria-current={filter.status === status ? 'page' : undefined}
            >
              <span className="filter__label">{label}</span>{' '}
              {counts && <span className="filter__count">{formatNumber(count ?? 0)}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchForm({ role, filter }: { role: Role; filter: ClaimsFilter }) {
  const navigate = useNavigate();
  return (
    <form
      className="search-form full-width"
      aria-label="Search claims"
      onSubmit={(event) => {
        event.preventDefault();
        const { qualification = '', learner = '' } = readForm(event.currentTarget);
        navigate(hrefFor(role, { status: filter.status, sort: filter.sort, qualification, learner }));
      }}
    >
      <TextField
        key={`q-${filter.qualification}`}
        formId={FORM_ID}
        name="qualification"
        type="search"
        label="Qualification"
        hint="Words of the title, or a QAN or its start"
        defaultValue={filter.qualification}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
      />
      <TextField
        key={`l-${filter.learner}`}
        formId={FORM_ID}
        name="learner"
        type="search"
        label="Learner"
        hint="Part of a name, or a ULN or its first digits"
        defaultValue={filter.learner}
        maxLength={100}
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="button button--secondary">
        Search
      </button>
    </form>
  );
}

function Claims({ role, filter, page }: { role: Role; filter: ClaimsFilter; page: ClaimsPage }) {
  const { items, total, pageSize } = page;
  const centre = role === 'centre';
  if (total === 0) {
    const which = filter.status === 'all' ? '' : `${claimStatusLabels[filter.status].toLowerCase()} `;
    return (
      <p className="empty">
        {filter.qualification || filter.learner
          ? `No ${which}claims match your search.`
          : centre && filter.status === 'POSSIBLE'
            ? 'There are no possible claims at the moment. LAR emails you when a learner can claim a qualification.'
            : `There are no ${which}claims.`}
      </p>
    );
  }
  if (items.length === 0) {
    return (
      <p className="empty">
        There are no claims on this page.{' '}
        <Link to={hrefFor(role, { ...filter, page: 1 })}>Go to the first page</Link>
      </p>
    );
  }
  const { field, direction } = sortOf<SortField>(filter.sort);
  const sortHref = (sort: string) => hrefFor(role, { ...filter, sort, page: 1 });
  return (
    <>
      <p>
        <a href={claimsExportHref(filter)} download>
          Download as CSV
        </a>
        <span className="secondary-text">Every claim in this list ({formatNumber(total)}), on all pages</span>
      </p>
      <ScrollTable
        label="Claims"
        wide
        caption={
          <>
            {captionText(filter)}, by {sortNames[field]}
            {direction === 'descending' ? (field === 'evaluatedAt' ? ', newest first' : ' (descending)') : ''}
          </>
        }
        note={showingText(filter.page, pageSize, items.length, total, 'claim')}
        head={[
          <SortHeader label="Learner" field="learner" sort={filter.sort} hrefFor={sortHref} />,
          <SortHeader label="Qualification" field="qualification" sort={filter.sort} hrefFor={sortHref} />,
          centre ? 'Awarding organisation' : 'Centre',
          'Units that achieve it',
          { label: 'Credits', numeric: true },
          <SortHeader label="Status" field="status" sort={filter.sort} hrefFor={sortHref} />,
          <SortHeader
            label="Checked"
            field="evaluatedAt"
            sort={filter.sort}
            hrefFor={sortHref}
            firstDescending
          />,
        ]}
      >
        {items.map((claim) => (
          <ClaimRow key={claim.id} claim={claim} centre={centre} />
        ))}
      </ScrollTable>
      <Pagination
        page={filter.page}
        totalPages={Math.max(1, Math.ceil(total / pageSize))}
        hrefFor={(n) => hrefFor(role, { ...filter, page: n })}
        label="Pages of claims"
      />
    </>
  );
}

function ClaimRow({ claim, centre }: { claim: ClaimView; centre: boolean }) {
  return (
    <tr>
      <td className="table__break">
        {claim.learner.name}
        <span className="secondary-text">
          ULN <code>{claim.learner.uln}</code>
        </span>
      </td>
      <td className="table__break">
        <Link to={paths.claim.getHref(claim.id)}>
          {claim.qualification.title}
          <span className="visually-hidden"> for {claim.learner.name}</span>
        </Link>
        <span className="secondary-text">
          QAN <code>{claim.qualification.qan}</code>, {levelName(claim.qualification.level)}
        </span>
      </td>
      <td className="table__break">
        {centre ? claim.qualification.awardingOrganisation : claim.centre.name}
      </td>
      <td>
        <ul className="claim-units">
          {claim.unitsUsed.flatMap((group) =>
            group.units.map((unit) => (
              <li key={`${group.group}-${unit.urn}`} className="claim-units__unit">
                <code>{unit.urn}</code> <span className="visually-hidden">{unit.title}, </span>
                <span className="secondary-text claim-units__credits">{countOf(unit.credits, 'credit')}</span>
              </li>
            )),
          )}
        </ul>
      </td>
      <td className="table__numeric">{formatNumber(claim.countedCredits)}</td>
      <td>
        <ClaimStatusTag status={claim.status} />
      </td>
      <td>
        <DateTime value={claim.evaluatedAt} />
      </td>
    </tr>
  );
}
