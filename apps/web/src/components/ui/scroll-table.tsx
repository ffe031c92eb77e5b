import { isValidElement, type ReactNode } from 'react';

/**
 * A header cell: its text; `{ label, numeric }` for a right-aligned number column; `{ label,
 * hidden }` for a column named only for screen readers (such as a row's actions); or a cell element
 * of its own (a sortable header).
 */
export type Column =
  | string
  | { label: string; numeric?: boolean; hidden?: boolean; className?: string }
  | ReactNode;

function HeaderCell({ column }: { column: Column }) {
  if (typeof column === 'string') return <th scope="col">{column}</th>;
  if (isValidElement(column) || column === null || typeof column !== 'object' || !('label' in column))
    return <>{column}</>;
  const className = [column.numeric ? 'table__numeric' : '', column.className ?? ''].join(' ').trim();
  return (
    <th scope="col" className={className || undefined}>
      {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
    </th>
  );
}

/**
 * A data table in a region that scrolls sideways when the table is wider than the screen. The region
 * is focusable and named, so that keyboard users can scroll it (WCAG 2.1.1) and screen reader users
 * hear what it holds. The caption is shown (with an optional secondary note, such as "Showing 1–20
 * of 95") unless `captionHidden`; `head` is the header row's columns (see `Column`); the children are the body's rows, `foot` any footer rows.
 */
export function ScrollTable({
  label,
  labelledBy,
  wide = false,
  className,
  caption,
  note,
  captionHidden = false,
  head,
  foot,
  children,
}: {
  /** The region's name; or `labelledBy`, the id of a heading that names it. */
  label?: string;
  labelledBy?: string;
  /** The full width of the page rather than of the text column. */
  wide?: boolean;
  /** A class for the table besides `table`. */
  className?: string;
  caption: ReactNode;
  note?: ReactNode;
  captionHidden?: boolean;
  head: Column[];
  /** Footer rows, such as totals. */
  foot?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      className={wide ? 'table-scroll full-width' : 'table-scroll'}
      aria-label={label}
      aria-labelledby={labelledBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: keyboard users must be able to scroll a table wider than the screen (WCAG 2.1.1).
      tabIndex={0}
    >
      <table className={className ? `table ${className}` : 'table'}>
        <caption className={captionHidden ? 'visually-hidden' : 'table__caption'}>
          {caption}
          {note !== undefined && <span className="secondary-text table__caption-note">{note}</span>}
        </caption>
        <thead>
          <tr>
            {/* A table's columns are fixed: their position is their identity. */}
            {head.map((column, i) => (
              <HeaderCell key={i} column={column} />
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot !== undefined && <tfoot>{foot}</tfoot>}
      </table>
    </section>
  );
}
