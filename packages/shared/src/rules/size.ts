/** QCF size words by credit: Award 1–12, Certificate 13–36, Diploma 37 or more. */
export type SizeWord = 'Award' | 'Certificate' | 'Diploma';

export const SIZE_RANGES: Record<SizeWord, { min: number; max: number }> = {
  Award: { min: 1, max: 12 },
  Certificate: { min: 13, max: 36 },
  Diploma: { min: 37, max: Number.POSITIVE_INFINITY },
};

export function sizeWordForCredits(credits: number): SizeWord | null {
  if (credits >= 37) return 'Diploma';
  if (credits >= 13) return 'Certificate';
  if (credits >= 1) return 'Award';
  return null;
}

/** The first size word in a title ("Level 2 Diploma in …"), matched as a whole word. */
export function sizeWordInTitle(title: string): SizeWord | null {
  const m = /\b(Award|Certificate|Diploma)\b/i.exec(title);
  if (!m?.[1]) return null;
  const word = m[1].toLowerCase();
  return word === 'award' ? 'Award' : word === 'certificate' ? 'Certificate' : 'Diploma';
}

export function describeRange(word: SizeWord): string {
  const { min, max } = SIZE_RANGES[word];
  return Number.isFinite(max) ? `${min}–${max} credits` : `${min} or more credits`;
}
