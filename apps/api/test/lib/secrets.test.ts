import { firstPasswords } from '../../src/lib/secrets';

describe('firstPasswords', () => {
  it('draws four groups of four from the alphabet without look-alikes, every character about as often', () => {
    const passwords = firstPasswords(20_000);
    expect(passwords).toHaveLength(20_000);
    expect(new Set(passwords).size).toBe(20_000);
    for (const p of passwords)
      expect(p).toMatch(/^[a-hjkmnp-zA-HJ-NP-Z2-9]{4}(-[a-hjkmnp-zA-HJ-NP-Z2-9]{4}){3}$/);
    const seen = new Map<string, number>();
    for (const p of passwords) for (const c of p.replaceAll('-', '')) seen.set(c, (seen.get(c) ?? 0) + 1);
    // 55 characters, 320,000 draws: about 5,818 each; rejection sampling keeps them within a few percent.
    expect(seen.size).toBe(55);
    for (const n of seen.values()) expect(Math.abs(n - 320_000 / 55)).toBeLessThan(500);
    expect(firstPasswords(0)).toEqual([]);
  });
});
