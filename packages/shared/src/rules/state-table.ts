/**
 * A hash table from short integer keys to a score, for the search's memo: open addressing over one
 * key arena, so recording a node allocates nothing (a string key per node, and the Map entry
 * behind it, made the garbage collector a large share of the run time). Keys are compared in full,
 * so it is exact: two keys are the same entry only when every integer matches.
 */
export class StateTable {
  /** Entries' keys, back to back. */
  private arena = new Int32Array(4096);
  private arenaUsed = 0;
  private start = new Int32Array(256);
  private length = new Int32Array(256);
  private score = new Float64Array(256);
  /** The slot each entry sits in, so clearing costs the entries, not the (grown) slot array. */
  private slotOf = new Int32Array(256);
  private count = 0;
  /** Open-addressed slots holding entry index + 1 (0: empty); the size is a power of two. */
  private slots = new Int32Array(1024);
  /** The key being built, then looked up by `has` or recorded by `record`. */
  key = new Int32Array(64);

  /** Forgets every entry. */
  clear(): void {
    if (this.count * 8 > this.slots.length) this.slots.fill(0);
    else for (let e = 0; e < this.count; e++) this.slots[this.slotOf[e] ?? 0] = 0;
    this.count = 0;
    this.arenaUsed = 0;
  }

  /**
   * Forgets every entry and gives back the memory a large search grew the table to, so that one
   * hard evaluation does not keep tens of megabytes for the rest of the process.
   */
  release(): void {
    this.clear();
    if (this.arena.length > 1 << 20) this.arena = new Int32Array(4096);
    if (this.slots.length > 1 << 18) this.slots = new Int32Array(1024);
    if (this.start.length > 1 << 16) {
      this.start = new Int32Array(256);
      this.length = new Int32Array(256);
      this.score = new Float64Array(256);
      this.slotOf = new Int32Array(256);
    }
  }

  /** Makes `key` hold at least n integers (keeping none). */
  reserve(n: number): void {
    if (this.key.length < n) this.key = new Int32Array(n * 2);
  }

  /** Whether the key in key[0..n) was recorded with a score at most `score`. */
  has(n: number, score: number): boolean {
    const entry = (this.slots[this.find(n)] ?? 0) - 1;
    return entry >= 0 && (this.score[entry] ?? 0) <= score;
  }

  /** Records `score` for the key in key[0..n), keeping the lower of it and any earlier one. */
  record(n: number, score: number): void {
    const at = this.find(n);
    const entry = (this.slots[at] ?? 0) - 1;
    if (entry < 0 || score < (this.score[entry] ?? 0)) this.store(at, entry, n, score);
  }

  /** The slot holding the key in key[0..n), or the empty slot where it would go. */
  private find(n: number): number {
    const key = this.key;
    let h = n | 0;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ (key[i] ?? 0), 0x9e3779b1) ^ (h >>> 15);
    const mask = this.slots.length - 1;
    for (let at = h & mask; ; at = (at + 1) & mask) {
      const entry = (this.slots[at] ?? 0) - 1;
      if (entry < 0 || (this.length[entry] === n && this.sameKey(entry, n))) return at;
    }
  }

  private store(at: number, entry: number, n: number, score: number): void {
    if (entry >= 0) this.score[entry] = score;
    else this.insert(at, n, score);
  }

  private sameKey(entry: number, n: number): boolean {
    const from = this.start[entry] ?? 0;
    const arena = this.arena;
    const key = this.key;
    for (let i = 0; i < n; i++) if (arena[from + i] !== key[i]) return false;
    return true;
  }

  private insert(at: number, n: number, score: number): void {
    if (this.arenaUsed + n > this.arena.length) this.arena = grow(this.arena, this.arenaUsed + n);
    if (this.count === this.start.length) {
      this.start = grow(this.start, this.count + 1);
      this.length = grow(this.length, this.count + 1);
      this.slotOf = grow(this.slotOf, this.count + 1);
      const scores = new Float64Array(this.score.length * 2);
      scores.set(this.score);
      this.score = scores;
    }
    const entry = this.count++;
    const arena = this.arena;
    const key = this.key;
    for (let i = 0, to = this.arenaUsed; i < n; i++) arena[to + i] = key[i] ?? 0;
    this.start[entry] = this.arenaUsed;
    this.length[entry] = n;
    this.score[entry] = score;
    this.arenaUsed += n;
    this.slots[at] = entry + 1;
    this.slotOf[entry] = at;
    // At most half full, so probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      const from = this.start[entry] ?? 0;
      const n = this.length[entry] ?? 0;
      let h = n | 0;
      for (let i = 0; i < n; i++) h = Math.imul(h ^ (this.arena[from + i] ?? 0), 0x9e3779b1) ^ (h >>> 15);
      let at = h & mask;
      while ((slots[at] ?? 0) !== 0) at = (at + 1) & mask;
      slots[at] = entry + 1;
      this.slotOf[entry] = at;
    }
    this.slots = slots;
  }
}

function grow(a: Int32Array, atLeast: number) {
  const b = new Int32Array(Math.max(atLeast, a.length * 2));
  b.set(a);
  return b;
}
