import { timeOrderedIds } from '../../src/lib/ids';

describe('timeOrderedIds', () => {
  it('makes distinct version 7 uuids in the order asked, later calls sorting after earlier ones', async () => {
    const first = timeOrderedIds(5_000);
    await new Promise((r) => setTimeout(r, 2));
    const second = timeOrderedIds(3);
    const all = [...first, ...second];
    expect(new Set(all).size).toBe(all.length);
    for (const id of all)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...all].sort()).toEqual(all);
    expect(timeOrderedIds(0)).toEqual([]);
  });
});
