import { LEVELS, type Level } from '../schemas/common';

export { LEVELS, type Level };

const RANK: ReadonlyMap<string, number> = new Map(LEVELS.map((level, i) => [level, i]));

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && RANK.has(value);
}

/** Position in E1 < E2 < E3 < 1 < … < 8; -1 for a string that is not a level. */
export function levelRank(level: string): number {
  return RANK.get(level) ?? -1;
}

/** Negative when a is lower than b, so it can be passed to Array.prototype.sort. */
export function compareLevels(a: Level, b: Level): number {
  return levelRank(a) - levelRank(b);
}

/** "At or above level 2" includes 2…8 and excludes the Entry levels and 1. */
export function isAtOrAboveLevel(level: Level, threshold: Level): boolean {
  return levelRank(level) >= levelRank(threshold);
}
