import { checkQanCheckDigit } from '../identifiers/qan';
import type { CatalogueUnit, QualificationDefinition, ValidationResult } from '../schemas';
import { type BudgetOptions, RocTooComplexError } from './errors';
import { evaluate } from './evaluate';
import { isLevel } from './levels';
import { describeRange, sizeWordForCredits, sizeWordInTitle } from './size';
import {
  checkBarredAndEquivalents,
  checkGroups,
  checkTopLevel,
  checkUrnAt,
  type Issues,
} from './validate-shape';

export interface CheckOptions {
  budget?: BudgetOptions;
}

type Obj = Record<string, unknown>;

/**
 * Checks a definition against its catalogue as `lar roc check` and the catalogue import do: every
 * problem the contract lists, plus malformed fields the engine could not use (unknown levels,
 * non-integer credits, a unit listed twice in one group, …). Definitions that pass the field checks
 * are then evaluated for an empty record to prove they can be achieved at all.
 */
export function checkQualification(
  def: unknown,
  units: readonly unknown[],
  options: CheckOptions = {},
): ValidationResult {
  const errors: Issues = [];
  const warnings: Issues = [];
  if (typeof def !== 'object' || def === null || Array.isArray(def)) {
    return { ok: false, errors: ['qualification: must be an object'], warnings };
  }
  const d = def as Obj;
  checkTopLevel(d, errors);
  checkGroups(d, errors);
  checkBarredAndEquivalents(d, errors);
  const catalogue = checkCatalogue(units, errors);
  checkListedHaveEntries(d, catalogue, errors);
  checkReferencesAreListed(d, warnings);
  checkWarnings(d, warnings);
  if (errors.length === 0)
    checkAchievable(d as QualificationDefinition, units as CatalogueUnit[], options, errors);
  return { ok: errors.length === 0, errors, warnings };
}

function checkCatalogue(units: readonly unknown[], errors: Issues): Map<string, number> {
  const index = new Map<string, number>();
  units.forEach((u: unknown, i) => {
    const path = `units[${i}]`;
    if (typeof u !== 'object' || u === null) {
      errors.push(`${path}: must be an object`);
      return;
    }
    const unit = u as Obj;
    if (!checkUrnAt(`${path}.urn`, unit.urn, errors)) return;
    const urn = unit.urn as string;
    if (index.has(urn)) errors.push(`${path}.urn: ${urn} repeats units[${index.get(urn)}]`);
    else index.set(urn, i);
    if (!isLevel(unit.level)) errors.push(`${path}.level: unknown level ${JSON.stringify(unit.level)}`);
    if (!(Number.isInteger(unit.credits) && (unit.credits as number) > 0)) {
      errors.push(`${path}.credits: must be a positive whole number, got ${JSON.stringify(unit.credits)}`);
    }
  });
  return index;
}

function checkListedHaveEntries(d: Obj, catalogue: Map<string, number>, errors: Issues): void {
  if (!Array.isArray(d.groups)) return;
  d.groups.forEach((g: unknown, i) => {
    const listed = (g as Obj | null)?.units;
    if (!Array.isArray(listed)) return;
    listed.forEach((u: unknown, j) => {
      if (typeof u === 'string' && /^[A-Z]\/\d{3}\/\d{4}$/.test(u) && !catalogue.has(u)) {
        errors.push(`groups[${i}].units[${j}]: ${u} has no catalogue entry`);
      }
    });
  });
}

/** A barred or equivalent URN that no group lists has no effect: probably a typo, so warn. */
function checkReferencesAreListed(d: Obj, warnings: Issues): void {
  if (!Array.isArray(d.groups)) return;
  const listed = new Set(d.groups.flatMap((g: unknown) => ((g as Obj | null)?.units as unknown[]) ?? []));
  if (Array.isArray(d.barred)) {
    d.barred.forEach((set: unknown, i) => {
      if (!Array.isArray(set)) return;
      set.forEach((u: unknown, j) => {
        if (typeof u === 'string' && !listed.has(u))
          warnings.push(`barred[${i}][${j}]: ${u} is not listed in any group`);
      });
    });
  }
  if (typeof d.equivalents === 'object' && d.equivalents !== null) {
    for (const key of Object.keys(d.equivalents)) {
      if (!listed.has(key)) warnings.push(`equivalents["${key}"]: ${key} is not listed in any group`);
    }
  }
}

function checkWarnings(d: Obj, warnings: Issues): void {
  const qan = checkQanCheckDigit(d.qan);
  if (!qan.ok && qan.code === 'QAN_CHECK_DIGIT') warnings.push(`qan: ${qan.message}`);
  if (typeof d.title !== 'string' || !Number.isInteger(d.minCredits)) return;
  const word = sizeWordInTitle(d.title);
  const credits = d.minCredits as number;
  if (word && sizeWordForCredits(credits) !== word) {
    warnings.push(`minCredits: ${credits} does not fit "${word}" in the title (${describeRange(word)})`);
  }
}

function checkAchievable(
  def: QualificationDefinition,
  units: CatalogueUnit[],
  options: CheckOptions,
  errors: Issues,
): void {
  try {
    const r = evaluate({
      qualification: def,
      units,
      achievements: [],
      on: '2000-01-01',
      routes: 0,
      budget: options.budget,
    });
    if (!r.reachable) errors.push('qualification: cannot be achieved even with every listed unit');
  } catch (e) {
    if (!(e instanceof RocTooComplexError)) throw e;
    errors.push(`qualification: ${e.message}`);
  }
}

/** Checks catalogue entries alone, as `checkQualification` does (the catalogue import checks a file's units once). */
export function checkCatalogueUnits(units: readonly unknown[]): string[] {
  const errors: Issues = [];
  checkCatalogue(units, errors);
  return errors;
}
