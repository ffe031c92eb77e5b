import type { CatalogueQualificationSummary, CatalogueUnitView } from '@lar/shared/api';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LoadProblem } from '@/components/ui/access-problem';
import { fieldId, TextField } from '@/components/ui/form';
import { formatNumber, showingText } from '@/components/ui/format';
import { Pagination } from '@/components/ui/pagination';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import {
  type CatalogueFilter,
  type CatalogueTab,
  parseCatalogueFilter,
  useCatalogueQualifications,
  useCatalogueUnits,
} from '../api/get-catalogue';
import { LEVELS } from '../api/keys';
import { levelName } from './format';

const FORM_ID = 'catalogue-search';

const tabs: { tab: CatalogueTab; label: string }[] = [
  { tab: 'qualifications', label: 'Qualifications' },
  { tab: 'units', label: 'Units' },
];

const nouns: Record<CatalogueTab, { singular: string; plural: string }> = {
  qualifications: { singular: 'qualification', plural: 'qualifications' },
  units: { singular: 'unit', plural: 'units' },
};

/**
 * The catalogue: qualifications or units (`?tab=units`), a search (`?q=`), a level (`?level=`) and
 * pages (`?page=`), all in the address so reload, back and shared links keep them.
 */
export function CatalogueSearch() {
  const [searchParams] = useSearchParams();
  const filter = parseCatalogueFilter(searchParams);
  return (
    <>
      <nav aria-label="Catalogue sections" className="tabs full-width">
        <ul className="tabs__list">
          {tabs.map(({ tab, label }) => (
            <li key={tab}>
              <Link
                to={paths.catalogue.getHref({ tab, q: filter.q, level: filter.level })}
                className="tabs__link"
                aria-current={filter.tab === tab ? 'page' : undefined}
              >
                {label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <h2 className="visually-hidden">{filter.tab === 'units' ? 'Units' : 'Qualifications'}</h2>
      <SearchForm filter={filter} />
      {filter.tab === 'units' ? <UnitResults filter={filter} /> : <QualificationResults filter={filter} />}
    </>
  );
}

function SearchForm({ filter }: { filter: CatalogueFilter }) {
  const navigate = useNavigate();
  const units = filter.tab === 'units';
  const levelId = fieldId(FORM_ID, 'level');
  return (
    <>
      <form
        className="search-form search-form--catalogue full-width"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          navigate(
            paths.catalogue.getHref({
              tab: filter.tab,
              q: String(data.get('q') ?? '').trim(),
              level: String(data.get('level') ?? ''),
            }),
          );
        }}
      >
        <TextField
          key={`${filter.tab}-${filter.q}`}
          formId={FORM_ID}
          name="q"
          type="search"
          label={units ? 'Search units' : 'Search qualifications'}
          hint={
            units
              ? 'Words of the title, or a URN or its start, such as F/601'
              : 'Words of the title, or a QAN or its start, such as 500/9466'
          }
          defaultValue={filter.q}
          maxLength={100}
          autoComplete="off"
          spellCheck={false}
          className="input--width-30"
        />
        <div className="form-group search-form__level">
          <label className="label" htmlFor={levelId}>
            Level
          </label>
          <select
            key={`${filter.tab}-${filter.level}`}
            id={levelId}
            name="level"
            className="select"
            defaultValue={filter.level}
          >
            <option value="">Any level</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {levelName(level)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      {(filter.q || filter.level) && (
        <p>
          <Link to={paths.catalogue.getHref({ tab: filter.tab })}>Clear the search</Link>
        </p>
      )}
    </>
  );
}

/** "Qualifications matching “business” at Level 2", "All units". */
function captionText(filter: CatalogueFilter): string {
  const noun = filter.tab === 'units' ? 'Units' : 'Qualifications';
  const level = filter.level ? ` at ${levelName(filter.level)}` : '';
  if (filter.q) return `${noun} matching “${filter.q}”${level}`;
  return filter.level ? `${noun}${level}` : `All ${noun.toLowerCase()}`;
}

interface Page<T> {
  items: T[];
  total: number;
  pageSize: number;
}

/** Loading, a problem, nothing found, or the page of results in `table`. */
function Results<T>({
  filter,
  query,
  table,
}: {
  filter: CatalogueFilter;
  query: UseQueryResult<Page<T>>;
  table: (items: T[], caption: { text: string; note: string }) => ReactNode;
}) {
  const noun = nouns[filter.tab];
  if (query.isPending) {
    return (
      <p role="status" className="loading">
        Loading {noun.plural}…
      </p>
    );
  }
  if (query.isError) {
    return (
      <LoadProblem
        error={query.error}
        what={`the catalogue’s ${noun.plural}`}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const { items, total, pageSize } = query.data;
  const busy = (
    <div aria-live="polite" className="visually-hidden">
      {query.isPlaceholderData ? `Loading ${noun.plural}…` : ''}
    </div>
  );
  if (total === 0) {
    return (
      <>
        {busy}
        <p className="empty">
          {filter.q || filter.level
            ? `No ${noun.plural} match your search.`
            : `The catalogue has no ${noun.plural} yet.`}
        </p>
      </>
    );
  }
  if (items.length === 0) {
    return (
      <>
        {busy}
        <p className="empty">
          There are no {noun.plural} on this page.{' '}
          <Link to={paths.catalogue.getHref({ tab: filter.tab, q: filter.q, level: filter.level })}>
            Go to the first page
          </Link>
        </p>
      </>
    );
  }
  const caption = {
    text: captionText(filter),
    note: showingText(filter.page, pageSize, items.length, total, noun.singular),
  };
  return (
    <>
      {busy}
      {table(items, caption)}
      <Pagination
        page={filter.page}
        totalPages={Math.max(1, Math.ceil(total / pageSize))}
        hrefFor={(page) => paths.catalogue.getHref({ ...filter, page })}
        label={`Pages of ${noun.plural}`}
      />
    </>
  );
}

/** One row of either results table: a qualification or a unit. */
interface EntryRow {
  id: string;
  code: string;
  title: string;
  href: string;
  level: string;
  credits: number;
  organisation: string;
}

/** The results table shared by qualifications (QAN, minimum credit) and units (URN, credits). */
function EntryTable({
  label,
  codeHeader,
  creditHeader,
  rows,
  caption,
}: {
  label: string;
  codeHeader: string;
  creditHeader: string;
  rows: EntryRow[];
  caption: { text: string; note: string };
}) {
  return (
    <ScrollTable
      label={label}
      wide
      caption={caption.text}
      note={caption.note}
      head={[codeHeader, 'Title', 'Level', { label: creditHeader, numeric: true }, 'Awarding organisation']}
    >
      {rows.map((row) => (
        <tr key={row.id}>
          <td className="table__nowrap">
            <code>{row.code}</code>
          </td>
          <td className="table__break">
            <Link to={row.href}>{row.title}</Link>
          </td>
          <td className="table__nowrap">{levelName(row.level)}</td>
          <td className="table__numeric">{formatNumber(row.credits)}</td>
          <td className="table__break">{row.organisation}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}

function QualificationResults({ filter }: { filter: CatalogueFilter }) {
  const query = useCatalogueQualifications(filter);
  return (
    <Results
      filter={filter}
      query={query}
      table={(items: CatalogueQualificationSummary[], caption) => (
        <EntryTable
          label="Qualifications"
          codeHeader="QAN"
          creditHeader="Minimum credit"
          caption={caption}
          rows={items.map((item) => ({
            id: item.id,
            code: item.qan,
            title: item.title,
            href: paths.catalogueQualification.getHref(item.id),
            level: item.level,
            credits: item.minCredits,
            organisation: item.awardingOrganisation.name,
          }))}
        />
      )}
    />
  );
}

function UnitResults({ filter }: { filter: CatalogueFilter }) {
  const query = useCatalogueUnits(filter);
  return (
    <Results
      filter={filter}
      query={query}
      table={(items: CatalogueUnitView[], caption) => (
        <EntryTable
          label="Units"
          codeHeader="URN"
          creditHeader="Credits"
          caption={caption}
          rows={items.map((item) => ({
            id: item.id,
            code: item.urn,
            title: item.title,
            href: paths.catalogueUnit.getHref(item.id),
            level: item.level,
            credits: item.credits,
            organisation: item.awardingOrganisation.name,
          }))}
        />
      )}
    />
  );
}
