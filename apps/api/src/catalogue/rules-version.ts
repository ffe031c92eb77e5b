import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every depth: the same definition always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Identifies a version of a qualification's rules: re-importing an unchanged definition changes nothing. */
export const rulesSha256 = (rules: unknown) =>
  createHash('sha256').update(canonicalJson(rules)).digest('hex');

/**
 * The unit→qualification index rows of a definition: every listed URN, and every equivalent of one
 * (an achievement of either can count), so claims detection finds the qualifications a unit affects.
 */
export function unitIndex(
  rules: { groups: { units: string[] }[]; equivalents?: Record<string, string[]> },
  qualificationId: string,
) {
  const listed = new Set(rules.groups.flatMap((g) => g.units));
  const equivalents = new Set(
    Object.values(rules.equivalents ?? {})
      .flat()
      .filter((urn) => !listed.has(urn)),
  );
  return [
    ...[...listed].map((urn) => ({ qualificationId, urn, viaEquivalent: false })),
    ...[...equivalents].map((urn) => ({ qualificationId, urn, viaEquivalent: true })),
  ];
}
