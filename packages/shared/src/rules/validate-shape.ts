import { validateQan } from '../identifiers/qan';
import { validateUrn } from '../identifiers/urn';
import { isLevel } from './levels';

/**
 * Field-by-field checks of a definition that may have come from an untrusted file. Each message
 * starts with the field path so an importer can point at the offending field.
 */
export type Issues = string[];

type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function checkUrnAt(path: string, value: unknown, errors: Issues): value is string {
  const r = validateUrn(value);
  if (!r.ok) errors.push(`${path}: ${r.message}`);
  return r.ok;
}

function checkCountAt(path: string, value: unknown, errors: Issues): void {
  if (value !== undefined && !isCount(value)) {
    errors.push(`${path}: must be a whole number of 0 or more, got ${JSON.stringify(value)}`);
  }
}

export function checkTopLevel(def: Obj, errors: Issues): void {
  const qan = validateQan(def.qan);
  if (!qan.ok) errors.push(`qan: ${qan.message}`);
  if (typeof def.title !== 'string' || def.title.trim() === '')
    errors.push('title: must be a non-empty string');
  if (!isLevel(def.level)) errors.push(`level: unknown level ${JSON.stringify(def.level)} (E1–E3, 1–8)`);
  if (def.minCredits === undefined) errors.push('minCredits: is required');
  else checkCountAt('minCredits', def.minCredits, errors);
  const months = def.creditValidityMonths;
  if (months !== undefined && !(Number.isInteger(months) && (months as number) > 0)) {
    errors.push('creditValidityMonths: must be a whole number of months, 1 or more');
  }
  const rules = def.minCreditsAtOrAboveLevel;
  if (rules === undefined) return;
  if (!Array.isArray(rules)) {
    errors.push('minCreditsAtOrAboveLevel: must be a list');
    return;
  }
  for (const [i, r] of rules.entries()) {
    const path = `minCreditsAtOrAboveLevel[${i}]`;
    if (!isObject(r)) {
      errors.push(`${path}: must be an object`);
      continue;
    }
    if (!isLevel(r.level)) errors.push(`${path}.level: unknown level ${JSON.stringify(r.level)}`);
    if (r.credits === undefined) errors.push(`${path}.credits: is required`);
    else checkCountAt(`${path}.credits`, r.credits, errors);
  }
}

export function checkGroups(def: Obj, errors: Issues): void {
  if (!Array.isArray(def.groups) || def.groups.length === 0) {
    errors.push('groups: must be a non-empty list');
    return;
  }
  const firstWithId = new Map<string, number>();
  for (const [i, g] of (def.groups as unknown[]).entries()) {
    const path = `groups[${i}]`;
    if (!isObject(g)) {
      errors.push(`${path}: must be an object`);
      continue;
    }
    if (typeof g.id !== 'string' || g.id === '') errors.push(`${path}.id: must be a non-empty string`);
    else if (firstWithId.has(g.id)) {
      errors.push(`${path}.id: "${g.id}" repeats groups[${firstWithId.get(g.id)}].id`);
    } else firstWithId.set(g.id, i);
    if (g.all !== undefined && typeof g.all !== 'boolean') errors.push(`${path}.all: must be true or false`);
    for (const k of ['minCredits', 'maxCredits', 'minUnits', 'maxUnits'])
      checkCountAt(`${path}.${k}`, g[k], errors);
    for (const [min, max] of [
      ['minCredits', 'maxCredits'],
      ['minUnits', 'maxUnits'],
    ] as const) {
      if (isCount(g[min]) && isCount(g[max]) && g[min] > g[max]) {
        errors.push(`${path}.${min}: ${g[min]} exceeds ${path}.${max} (${g[max]})`);
      }
    }
    if (!Array.isArray(g.units) || g.units.length === 0) {
      errors.push(`${path}.units: a group must list at least one unit`);
      continue;
    }
    const seen = new Map<unknown, number>();
    g.units.forEach((u: unknown, j) => {
      if (!checkUrnAt(`${path}.units[${j}]`, u, errors)) return;
      if (seen.has(u)) errors.push(`${path}.units[${j}]: ${u} is listed twice (also units[${seen.get(u)}])`);
      else seen.set(u, j);
    });
  }
}

export function checkBarredAndEquivalents(def: Obj, errors: Issues): void {
  if (def.barred !== undefined) {
    if (!Array.isArray(def.barred)) errors.push('barred: must be a list of lists of URNs');
    else {
      def.barred.forEach((set: unknown, i) => {
        if (!Array.isArray(set)) {
          errors.push(`barred[${i}]: must be a list of URNs`);
          return;
        }
        if (new Set(set).size < 2)
          errors.push(`barred[${i}]: a barred set needs at least two different URNs`);
        for (const [j, u] of set.entries()) checkUrnAt(`barred[${i}][${j}]`, u, errors);
      });
    }
  }
  if (def.equivalents === undefined) return;
  if (!isObject(def.equivalents)) {
    errors.push('equivalents: must be an object of URN lists');
    return;
  }
  for (const [listed, others] of Object.entries(def.equivalents)) {
    const path = `equivalents["${listed}"]`;
    checkUrnAt(`equivalents key "${listed}"`, listed, errors);
    if (!Array.isArray(others)) {
      errors.push(`${path}: must be a list of URNs`);
      continue;
    }
    others.forEach((u: unknown, j) => {
      if (!checkUrnAt(`${path}[${j}]`, u, errors)) return;
      if (u === listed) errors.push(`${path}[${j}]: a unit cannot be equivalent to itself`);
    });
  }
}
