import { copyFloat64, copyInt32, copyUint8, freshFloat64, freshInt32, freshUint8 } from './fresh';
import { lcg } from './random-models';

describe('fresh typed arrays (carved from shared buffers)', () => {
  it('are zeroed, of the asked length, and never share memory with one another (20,000 random sizes)', () => {
    const rand = lcg(20261201);
    const live: (Int32Array | Float64Array | Uint8Array)[] = [];
    for (let i = 0; i < 20_000; i++) {
      const n = Math.floor(rand() * (i % 100 === 0 ? 5000 : 90));
      const kind = i % 3;
      const a = kind === 0 ? freshInt32(n) : kind === 1 ? freshFloat64(n) : freshUint8(n);
      expect(a.length).toBe(n);
      expect(a.byteOffset % 8).toBe(0);
      for (let k = 0; k < n; k++) if (a[k] !== 0) throw new Error(`array ${i} not zeroed at ${k}`);
      a.fill(i % 250 || 1);
      live.push(a);
      if (live.length > 50) live.shift();
      // Every array still held keeps what was written to it.
      for (const b of live) {
        const v = b[0];
        for (let k = 0; k < b.length; k++) if (b[k] !== v) throw new Error(`array overwritten near ${i}`);
      }
    }
  });

  it('copies as slice does', () => {
    const rand = lcg(7);
    for (let i = 0; i < 2000; i++) {
      const n = Math.floor(rand() * 80);
      const ints = Int32Array.from({ length: n }, () => Math.floor(rand() * 2000) - 1000);
      const cut = Math.floor(rand() * (n + 1));
      expect(copyInt32(ints)).toEqual(ints.slice());
      expect(copyInt32(ints, cut)).toEqual(ints.slice(0, cut));
      const doubles = Float64Array.from({ length: n }, () => rand() * 100);
      expect(copyFloat64(doubles)).toEqual(doubles.slice());
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(rand() * 3));
      expect(copyUint8(bytes)).toEqual(bytes.slice());
    }
  });
});
