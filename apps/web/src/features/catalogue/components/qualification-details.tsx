import type { CatalogueQualificationDetail, CatalogueUnitView } from '@lar/shared/api';
import type { RuleGroup } from '@lar/shared/schemas';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { LoadProblem } from '@/components/ui/access-problem';
import { DateTime } from '@/components/ui/date-time';
import { formatNumber, Nothing } from '@/components/ui/format';
import { ScrollTable } from '@/components/ui/scroll-table';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/api-client';
import { useCatalogueQualification } from '../api/get-qualification';
import {
  credits,
  groupName,
  groupRequirement,
  levelName,
  levelRuleText,
  units as unitCount,
  validityText,
} from './format';
import { UnitRef, type UnitsByUrn } from './unit-ref';

/** One qualification of the catalogue: its details, its rules of combination in words, and its versions. */
export function QualificationDetails({ id }: { id: string }) {
  const query = useCatalogueQualification(id);
  if (query.isPending) {
    return (
      <>
        <h1>Qualification</h1>
        <p role="status" className="loading">
          Loading the qualification…
        </p>
      </>
    );
  }
  if (query.isError) {
    // 400: not an id at all (a mistyped link); 404: no such qualification.
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <>
          <h1>Qualification not found</h1>
          <p>There is no qualification at this address. The link may be wrong or out of date.</p>
          <p>
            <Link to={paths.catalogue.getHref()}>Search the catalogue</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <h1>Qualification</h1>
        <LoadProblem
          error={query.error}
          what="this qualification"
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      </>
    );
  }
  return <Qualification qualification={query.data} />;
}

function Qualification({ qualification }: { qualification: CatalogueQualificationDetail }) {
  const { rules } = qualification;
  const units: UnitsByUrn = new Map(qualification.units.map((unit) => [unit.urn, unit]));
  const equivalents = Object.entries(rules.equivalents ?? {}).filter(([, others]) => others.length > 0);
  const barred = (rules.barred ?? []).filter((set) => set.length > 0);
  return (
    <>
      <span className="caption">
        Qualification <code>{qualification.qan}</code>
      </span>
      <h1 className="break-words">{qualification.title}</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Qualification accreditation number (QAN)</dt>
          <dd>
            <code>{qualification.qan}</code>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Level</dt>
          <dd>{levelName(qualification.level)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Minimum credit</dt>
          <dd>{credits(qualification.minCredits)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Awarding organisation</dt>
          <dd>
            {qualification.awardingOrganisation.name}{' '}
            <span className="secondary-text">Code {qualification.awardingOrganisation.code}</span>
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Rules in force</dt>
          <dd>Version {formatNumber(qualification.currentVersion)}</dd>
        </div>
      </dl>

      <h2 id="rules-title">Rules of combination</h2>
      <p>To achieve this qualification, a learner needs:</p>
      <ul className="list-bullet" aria-labelledby="rules-title">
        <li>
          <strong>At least {credits(rules.minCredits)} in total</strong>
        </li>
        {(rules.minCreditsAtOrAboveLevel ?? []).map((rule) => (
          <li key={`${rule.level}-${rule.credits}`}>
            <strong>{levelRuleText(rule)}</strong>
          </li>
        ))}
        <li>
          What each group of units below asks for
          {rules.groups.length > 1 && ` (${formatNumber(rules.groups.length)} groups)`}
        </li>
        {barred.length > 0 && <li>No more than one unit of each barred combination</li>}
      </ul>
      {rules.creditValidityMonths !== undefined && (
        <p className="inset-text">
          {validityText(rules.creditValidityMonths)}: a unit achieved longer ago than that does not count
          towards this qualification.
        </p>
      )}
      <p className="hint">
        Each unit counts once, in one group only, even where more than one group lists it. Where a group has a
        maximum, credit beyond it does not count.
      </p>

      {rules.groups.map((group) => (
        <Group key={group.id} group={group} units={units} />
      ))}

      {barred.length > 0 && (
        <section aria-labelledby="barred-title">
          <h3 id="barred-title">Barred combinations</h3>
          <p>At most one unit of each of these sets can count towards the qualification:</p>
          <ul className="list-bullet">
            {barred.map((set) => (
              <li key={set.join(' ')}>
                Only one of:{' '}
                {set.map((urn, index) => (
                  <Fragment key={urn}>
                    {index > 0 && ', '}
                    <UnitRef urn={urn} units={units} />
                  </Fragment>
                ))}
              </li>
            ))}
          </ul>
        </section>
      )}

      {equivalents.length > 0 && (
        <section aria-labelledby="equivalents-title">
          <h3 id="equivalents-title">Equivalent units</h3>
          <p>An achievement of an equivalent unit can take the place of the unit the rules list:</p>
          <ul className="list-bullet">
            {equivalents.map(([listed, others]) => (
              <li key={listed}>
                {others.map((urn, index) => (
                  <Fragment key={urn}>
                    {index > 0 && ' or '}
                    <UnitRef urn={urn} units={units} />
                  </Fragment>
                ))}{' '}
                may replace <UnitRef urn={listed} units={units} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <Versions qualification={qualification} />
    </>
  );
}

function Group({ group, units }: { group: RuleGroup; units: UnitsByUrn }) {
  const listed = group.units.map((urn) => units.get(urn));
  const knownCredit = listed.reduce((sum, unit) => sum + (unit?.credits ?? 0), 0);
  const missing = listed.some((unit) => !unit);
  const name = groupName(group);
  return (
    <div className="rule-group">
      <h3 className="rule-group__title">{name}</h3>
      <p className="rule-group__requirement">{groupRequirement(group)}</p>
      <ScrollTable
        label={`Units of ${name}`}
        caption={<>Units of {name}</>}
        captionHidden
        head={['URN', 'Title', 'Level', { label: 'Credits', numeric: true }]}
        foot={
          <tr>
            <th scope="row" colSpan={3}>
              Total of the {unitCount(group.units.length)} listed
              {missing && <span className="secondary-text">Not counting units not in the catalogue</span>}
            </th>
            <td className="table__numeric">{formatNumber(knownCredit)}</td>
          </tr>
        }
      >
        {group.units.map((urn, index) => (
          <UnitRow key={urn} urn={urn} unit={listed[index]} />
        ))}
      </ScrollTable>
    </div>
  );
}

function UnitRow({ urn, unit }: { urn: string; unit: CatalogueUnitView | undefined }) {
  if (!unit) {
    return (
      <tr>
        <td className="table__nowrap">
          <code>{urn}</code>
        </td>
        <td className="table__break secondary-text">Not in the catalogue</td>
        <td>
          <Nothing label="Not known" />
        </td>
        <td className="table__numeric">
          <Nothing label="Not known" />
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td className="table__nowrap">
        <code>{urn}</code>
      </td>
      <td className="table__break">
        <Link to={paths.catalogueUnit.getHref(unit.id)}>{unit.title}</Link>
      </td>
      <td className="table__nowrap">{levelName(unit.level)}</td>
      <td className="table__numeric">{formatNumber(unit.credits)}</td>
    </tr>
  );
}

function Versions({ qualification }: { qualification: CatalogueQualificationDetail }) {
  const versions = [...qualification.versions].sort((a, b) => b.version - a.version);
  if (versions.length === 0) return null;
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Versions</h2>
      <p>
        A changed definition becomes a new version. Learners’ progress is worked out with the current version.
      </p>
      <ul className="version-list">
        {versions.map((version) => (
          <li key={version.version} className="version-list__item">
            Version {formatNumber(version.version)}, imported <DateTime value={version.createdAt} />
            {version.version === qualification.currentVersion && (
              <>
                {' '}
                <strong className="tag" data-status="SENT">
                  Current
                </strong>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
