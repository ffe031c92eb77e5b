import { type CompiledQualification, compileQualification } from '@lar/shared/rules';
import type { CatalogueUnit, QualificationDefinition } from '@lar/shared/schemas';

/** Compiled qualifications kept per process (a compiled one is some tens of KB). */
const MAX_ENTRIES = 2_000;

const cache = new Map<string, CompiledQualification>();

/**
 * A qualification version compiled with its units' catalogue entries, reused while both stay the same:
 * the key is the version and every entry's credit and level, so a changed rule or unit compiles anew,
 * in every process, without any invalidation message. Least recently used entries go first.
 */
export function compiledFor(
  versionId: string,
  rules: QualificationDefinition,
  units: readonly CatalogueUnit[],
): CompiledQualification {
  const key = `${versionId}|${units.map((u) => `${u.urn}:${u.credits}:${u.level}`).join(',')}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const compiled = compileQualification(rules, units);
  cache.set(key, compiled);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return compiled;
}
