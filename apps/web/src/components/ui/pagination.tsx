import { Link } from 'react-router';

/** Previous and next links around "Page 2 of 5"; nothing when everything fits on one page. */
export function Pagination({
  page,
  totalPages,
  hrefFor,
  label = 'Pagination',
}: {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  if (totalPages <= 1) return null;
  return (
    <nav aria-label={label} className="pagination">
      {page > 1 && (
        <Link to={hrefFor(Math.min(page - 1, totalPages))} rel="prev">
          Previous<span className="visually-hidden"> page</span>
        </Link>
      )}
      <span className="pagination__current">
        Page {Math.min(page, totalPages)} of {totalPages}
      </span>
      {page < totalPages && (
        <Link to={hrefFor(page + 1)} rel="next">
          Next<span className="visually-hidden"> page</span>
        </Link>
      )}
    </nav>
  );
}

/** A positive whole page number from the query string; anything else is page 1. */
export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
