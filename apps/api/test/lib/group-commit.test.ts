import { GroupCommit } from '../../src/lib/group-commit';
import { hashPassword, RecentlyVerified } from '../../src/lib/password';
import { RecordCache } from '../../src/record/record-cache';

describe('GroupCommit', () => {
  it('writes the first item at once and those arriving meanwhile together, each caller waiting for its own', async () => {
    const writes: number[][] = [];
    let release: () => void = () => {};
    const group = new GroupCommit<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    });
    const done: number[] = [];
    const first = group.add(1).then(() => done.push(1));
    const rest = [2, 3, 4].map((n) => group.add(n).then(() => done.push(n)));
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual([[1]]);
    expect(done).toEqual([]);
    release();
    await Promise.all([first, ...rest]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
    expect(done).toEqual([1, 2, 3, 4]);
  });

  it('rejects exactly the callers whose batch failed, and goes on with later ones', async () => {
    let fail = true;
    const group = new GroupCommit<string>(async () => {
      if (fail) throw new Error('database down');
    });
    const failed = group.add('a');
    await expect(failed).rejects.toThrow('database down');
    fail = false;
    await expect(group.add('b')).resolves.toBeUndefined();
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    let release: () => void = () => {};
    const group = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
      if (sizes.length === 1) await new Promise<void>((r) => (release = r));
    }, 3);
    const all = Array.from({ length: 8 }, (_, i) => group.add(i));
    await new Promise((r) => setImmediate(r));
    release();
    await Promise.all(all);
    expect(sizes).toEqual([1, 3, 3, 1]);
  });
});

describe('RecordCache', () => {
  const stamp = { recordVersion: 1, catalogueVersion: 1, day: '2026-11-30' };

  it('computes missing sections once for concurrent requests, and again when the stamp changes', async () => {
    const cache = new RecordCache(1024 * 1024);
    let computed = 0;
    const compute = async (missing: string[]) => {
      computed++;
      await new Promise((r) => setTimeout(r, 5));
      return Object.fromEntries(missing.map((m) => [m, Buffer.from(JSON.stringify({ m, computed }))]));
    };
    const [a, b] = await Promise.all([
      cache.sections('l1', stamp, ['units', 'progress'], compute),
      cache.sections('l1', stamp, ['units', 'progress'], compute),
    ]);
    expect(computed).toBe(1);
    expect(a).toEqual(b);
    expect(await cache.sections('l1', stamp, ['units'], compute)).toEqual({ units: a.units });
    expect(computed).toBe(1);
    // Another learner, or a newer version, is computed afresh.
    await cache.sections('l2', stamp, ['units'], compute);
    await cache.sections('l1', { ...stamp, recordVersion: 2 }, ['units'], compute);
    await cache.sections('l1', { ...stamp, day: '2026-12-01' }, ['units'], compute);
    expect(computed).toBe(4);
  });

  it('stays within its size, dropping the least recently used', async () => {
    const cache = new RecordCache(10_000);
    const big = async (missing: string[]) => Object.fromEntries(missing.map((m) => [m, Buffer.alloc(3_000)]));
    for (let i = 0; i < 10; i++) await cache.sections(`l${i}`, stamp, ['units'], big);
    expect(cache.size).toBeLessThanOrEqual(10_000);
    let computed = 0;
    await cache.sections('l0', stamp, ['units'], async (m) => {
      computed++;
      return big(m);
    });
    expect(computed).toBe(1);
  });

  it('with no memory computes every time', async () => {
    const cache = new RecordCache(0);
    let computed = 0;
    const compute = async () => {
      computed++;
      return { units: Buffer.from('[]') };
    };
    await cache.sections('l1', stamp, ['units'], compute);
    await cache.sections('l1', stamp, ['units'], compute);
    expect(computed).toBe(2);
  });
});

describe('RecentlyVerified', () => {
  it('accepts the remembered password only, and only while the stored hash and time hold', async () => {
    const stored = await hashPassword('correct horse battery');
    const remembered = new RecentlyVerified(50);
    expect(await remembered.verify('u1', 'wrong', stored)).toBe(false);
    expect(await remembered.verify('u1', 'correct horse battery', stored)).toBe(true);
    expect(await remembered.verify('u1', 'wrong', stored)).toBe(false);
    expect(await remembered.verify('u2', 'correct horse battery', 'not a hash')).toBe(false);
    const changed = await hashPassword('another passphrase');
    expect(await remembered.verify('u1', 'correct horse battery', changed)).toBe(false);
    expect(await remembered.verify('u1', 'another passphrase', changed)).toBe(true);
  });
});
