/**
 * Fresh zeroed typed arrays, carved one after another out of shared 16 KB buffers. A typed array of
 * more than 64 bytes gets its own memory outside the JavaScript heap, which costs about 15 times
 * an on-heap object to make (about 0.4 µs) and adds to the collector's work; an evaluation made
 * half a dozen (the model's per-slot and per-filler arrays, masks, solutions). A view on a buffer
 * that exists costs about as little as a small object. Memory is never handed out twice, so each
 * array is as fresh and zeroed as `new Int32Array(n)` and no two alias; a buffer lives as long as
 * any array carved from it (so only arrays that die with the evaluation come from here).
 */
const CHUNK = 16384;
let chunk = new ArrayBuffer(CHUNK);
let used = 0;

/** The byte offset in `chunk` of `bytes` fresh bytes, 8-aligned (Float64Array needs it). */
function carve(bytes: number): number {
  const size = (bytes + 7) & ~7;
  if (used + size > chunk.byteLength) {
    chunk = new ArrayBuffer(Math.max(size, CHUNK));
    used = 0;
  }
  const at = used;
  used += size;
  return at;
}

export function freshInt32(n: number): Int32Array {
  const at = carve(n * 4);
  return new Int32Array(chunk, at, n);
}

export function freshFloat64(n: number): Float64Array {
  const at = carve(n * 8);
  return new Float64Array(chunk, at, n);
}

export function freshUint8(n: number): Uint8Array {
  const at = carve(n);
  return new Uint8Array(chunk, at, n);
}

/**
 * A fresh copy of the first n elements (all by default), as `a.slice(0, n)`. `set` rather than a
 * loop: it is as fast before the JIT has optimised the caller, which is most of a fresh process.
 */
export function copyInt32(a: Int32Array, n = a.length): Int32Array {
  const b = freshInt32(n);
  b.set(n === a.length ? a : a.subarray(0, n));
  return b;
}

export function copyFloat64(a: Float64Array): Float64Array {
  const b = freshFloat64(a.length);
  b.set(a);
  return b;
}

export function copyUint8(a: Uint8Array): Uint8Array {
  const b = freshUint8(a.length);
  b.set(a);
  return b;
}
