import { Link } from 'react-router';

export type SortDirection = 'ascending' | 'descending';

/** `-field` is descending, `field` ascending: the form every sortable list of the API takes. */
export function sortOf<F extends string>(sort: string): { field: F; direction: SortDirection } {
  const descending = sort.startsWith('-');
  return {
    field: (descending ? sort.slice(1) : sort) as F,
    direction: descending ? 'descending' : 'ascending',
  };
}

/**
 * A column heading that sorts: `aria-sort` on the sorted one, and a link that sorts by it (the other
 * way round when it is already sorted). `hrefFor` gives the address of a sort (back on page 1).
 */
export function SortHeader({
  label,
  field,
  sort,
  hrefFor,
  firstDescending = false,
}: {
  label: string;
  field: string;
  /** The list's current sort. */
  sort: string;
  hrefFor: (sort: string) => string;
  /** Dates read best newest first. */
  firstDescending?: boolean;
}) {
  const current = sortOf(sort);
  const sorted = current.field === field ? current.direction : undefined;
  const nextDescending = sorted ? sorted === 'ascending' : firstDescending;
  return (
    <th scope="col" aria-sort={sorted} className="table__nowrap">
      <Link to={hrefFor(nextDescending ? `-${field}` : field)}>
        {label}
        <span className="visually-hidden">, sort {nextDescending ? 'descending' : 'ascending'}</span>
      </Link>
      {sorted && <span aria-hidden="true"> {sorted === 'ascending' ? '▲' : '▼'}</span>}
    </th>
  );
}
