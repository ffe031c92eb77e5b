/** Small builders for the engine tests (not exported from the package). */
import type { Achievement, CatalogueUnit, Level, QualificationDefinition } from '../schemas';

export function unit(urn: string, credits: number, level: Level = '2'): CatalogueUnit {
  return { urn, title: urn, level, credits };
}

export function achieved(
  urn: string,
  credits: number,
  opts: { level?: Level; on?: string; basis?: Achievement['basis'] } = {},
): Achievement {
  return {
    urn,
    credits,
    level: opts.level ?? '2',
    achievedOn: opts.on ?? '2026-01-01',
    basis: opts.basis ?? 'credit',
  };
}

export function qualification(
  groups: QualificationDefinition['groups'],
  extra: Partial<QualificationDefinition> = {},
): QualificationDefinition {
  return {
    qan: '500/9466/X',
    title: 'Level 2 Award in Testing',
    level: '2',
    minCredits: 0,
    groups,
    ...extra,
  };
}
