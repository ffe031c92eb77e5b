import type { AchievementInput } from '@lar/shared/api';
import { validateUln } from '@lar/shared/identifiers';
import { isIsoDate } from '@lar/shared/rules';

export interface CheckedAchievement {
  uln: string;
  urn: string;
  /** YYYY-MM-DD */
  achievedOn: string;
  basis: 'CREDIT' | 'EXEMPTION';
}

export type AchievementCheck = { ok: true; value: CheckedAchievement } | { ok: false; message: string };

const URN = /^[A-Z]\/\d{3}\/\d{4}$/;

/**
 * The checks of one achievement that need no database: ULN, URN, date (a real day, not in the
 * future, judged on `today`'s UTC date) and basis. Every problem is named, joined with "; ".
 */
export function checkAchievementRow(input: Partial<AchievementInput>, today: Date): AchievementCheck {
  const problems: string[] = [];
  const uln = String(input.uln ?? '').trim();
  const ulnCheck = uln === '' ? null : validateUln(uln);
  if (ulnCheck === null) problems.push('ULN is required');
  else if (!ulnCheck.ok) problems.push(ulnCheck.message);

  const urn = String(input.urn ?? '')
    .trim()
    .toUpperCase();
  if (urn === '') problems.push('URN is required');
  else if (!URN.test(urn))
    problems.push(`URN must look like F/601/7513 (L/DDD/DDDD), got ${JSON.stringify(urn)}`);

  const achievedOn = String(input.achievedOn ?? '').trim();
  const todayText = today.toISOString().slice(0, 10);
  if (achievedOn === '') problems.push('AchievedOn is required');
  else if (!isIsoDate(achievedOn))
    problems.push(`AchievedOn must be a real date as YYYY-MM-DD, got ${JSON.stringify(achievedOn)}`);
  else if (achievedOn > todayText) problems.push(`AchievedOn ${achievedOn} is in the future`);

  const basisText = String(input.basis ?? '')
    .trim()
    .toLowerCase();
  const basis =
    basisText === '' || basisText === 'credit' ? 'CREDIT' : basisText === 'exemption' ? 'EXEMPTION' : null;
  if (basis === null) problems.push(`Basis must be credit or exemption, got ${JSON.stringify(input.basis)}`);

  if (problems.length > 0 || basis === null) return { ok: false, message: problems.join('; ') };
  return { ok: true, value: { uln, urn, achievedOn, basis } };
}
