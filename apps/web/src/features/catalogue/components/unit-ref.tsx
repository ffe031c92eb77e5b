import type { CatalogueUnitView } from '@lar/shared/api';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

export type UnitsByUrn = ReadonlyMap<string, CatalogueUnitView>;

/** A unit named in the rules: its URN (a link to its page) and title, or that it is not in the catalogue. */
export function UnitRef({ urn, units }: { urn: string; units: UnitsByUrn }) {
  const unit = units.get(urn);
  if (!unit) {
    return (
      <span className="unit-ref">
        <code>{urn}</code> <span className="secondary-text unit-ref__missing">(not in the catalogue)</span>
      </span>
    );
  }
  return (
    <span className="unit-ref">
      <Link to={paths.catalogueUnit.getHref(unit.id)}>
        <code>{urn}</code>
      </Link>{' '}
      {unit.title}
    </span>
  );
}
