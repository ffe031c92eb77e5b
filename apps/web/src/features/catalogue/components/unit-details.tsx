import type { CatalogueUnitDetail } from '@lar/shared/api';
import { Link } from 'react-router';
import { LoadProblem } from '@/components/ui/access-problem';
import { countOf, formatNumber } from '@/components/ui/format';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { useCatalogueUnit } from '../api/get-unit';
import { credits, levelName } from './format';

/** One unit of the catalogue, and the qualifications whose current rules use it. */
export function UnitDetails({ id }: { id: string }) {
  const query = useCatalogueUnit(id);
  if (query.isPending) {
    return (
      <>
        <h1>Unit</h1>
        <p role="status" className="loading">
          Loading the unit…
        </p>
      </>
    );
  }
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <>
          <h1>Unit not found</h1>
          <p>There is no unit at this address. The link may be wrong or out of date.</p>
          <p>
            <Link to={paths.catalogue.getHref({ tab: 'units' })}>Search the catalogue’s units</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <h1>Unit</h1>
        <LoadProblem
          error={query.error}
          what="this unit"
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </>
    );
  }
  return <Unit unit={query.data} />;
}

function Unit({ unit }: { unit: CatalogueUnitDetail }) {
  const qualifications = [...unit.qualifications].sort((a, b) => a.qan.localeCompare(b.qan));
  return (
    <>
      <span className="caption">
        Unit <code>{unit.urn}</code>
      </span>
      <h1 className="break-words">{unit.title}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Unit reference number (URN)</dt>
          <dd>
            <code>{unit.urn}</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Level</dt>
          <dd>{levelName(unit.level)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Credit value</dt>
          <dd>
            {credits(unit.credits)}{' '}
            <span className="secondary-text">About {formatNumber(unit.credits * 10)} hours of learning</span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Awarding organisation</dt>
          <dd>
            {unit.awardingOrganisation.name}{' '}
            <span className="secondary-text">Code {unit.awardingOrganisation.code}</span>
          </dd>
        </div>
      </dl>

      <h2 id="used-in-title">Qualifications that use this unit</h2>
      {qualifications.length === 0 ? (
        <p className="empty">No qualification in the catalogue uses this unit yet.</p>
      ) : (
        <>
          <p>
            Credit for this unit can count towards {countOf(qualifications.length, 'qualification')} in the
            catalogue:
          </p>
          <ScrollTable
            labelledBy="used-in-title"
            wide
            caption="Qualifications that use this unit"
            captionHidden
            head={['QAN', 'Title', 'How the rules use it']}
          >
            {qualifications.map((qualification) => (
              <tr key={qualification.id}>
                <td className="table__nowrap">
                  <code>{qualification.qan}</code>
                </td>
                <td className="table__break">
                  <Link to={paths.catalogueQualification.getHref(qualification.id)}>
                    {qualification.title}
                  </Link>
                </td>
                <td>
                  {qualification.viaEquivalent ? 'As an equivalent of a listed unit' : 'Listed in the rules'}
                </td>
              </tr>
            ))}
          </ScrollTable>
        </>
      )}
    </>
  );
}
