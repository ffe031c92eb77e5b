import type { RuleGroup } from '@lar/shared/schemas';
import { countOf } from './format';

export { levelName } from './format';

/** "Entry 3", "level 2": a level inside a sentence. */
export function levelInSentence(level: string): string {
  const entry = /^E([1-3])$/.exec(level);
  return entry ? `Entry ${entry[1]}` : `level ${level}`;
}

export const credits = (n: number) => countOf(n, 'credit');
export const units = (n: number) => countOf(n, 'unit');

/** "a", "a and b", "a, b and c". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Bounds in words: "at least 14 credits", "at most 10 credits", "exactly 2 units". */
function bounds(min: number | undefined, max: number | undefined, noun: (n: number) => string): string[] {
  const least = min !== undefined && min > 0 ? min : undefined;
  if (least !== undefined && max !== undefined && least === max) return [`exactly ${noun(least)}`];
  return [
    ...(least !== undefined ? [`at least ${noun(least)}`] : []),
    ...(max !== undefined ? [`at most ${noun(max)}`] : []),
  ];
}

/**
 * What a group of the rules asks of its units, in plain English: "All of these units",
 * "At least 14 credits", "At least 2 units and at most 10 credits".
 */
export function groupRequirement(group: RuleGroup): string {
  const parts = [
    ...(group.all ? ['all of these units'] : []),
    ...bounds(group.minUnits, group.maxUnits, units),
    ...bounds(group.minCredits, group.maxCredits, credits),
  ];
  if (parts.length === 0) return 'Any of these units may count; none is required';
  return capitalise(joinAnd(parts));
}

/** "At least 36 credits at level 2 or above". */
export const levelRuleText = (rule: { level: string; credits: number }) =>
  `At least ${credits(rule.credits)} at ${levelInSentence(rule.level)} or above`;

/** "Achievements count for 60 months (5 years)". */
export function validityText(months: number): string {
  const years = months % 12 === 0 ? ` (${countOf(months / 12, 'year')})` : '';
  return `Achievements count for ${countOf(months, 'month')}${years}`;
}

/** A group's heading: its title, or its id when it has none. */
export const groupName = (group: RuleGroup) => group.title?.trim() || `Group ${group.id}`;
