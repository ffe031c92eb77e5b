import { LRUCache } from 'lru-cache';

export type SectionName = 'units' | 'qualifications' | 'progress';

/**
 * What a computed section depends on: the learner's record version (bumped by database triggers when
 * their achievements or awarded qualifications change), the catalogue version (bumped when units,
 * qualifications or organisation names change) and the day it was evaluated on. Both versions are
 * read before the section is computed, and a change and its version bump commit together, so a
 * section stored under a stamp is never older than the data the stamp stands for.
 */
export interface RecordStamp {
  recordVersion: number;
  catalogueVersion: number;
  day: string;
}

/** The catalogue's version as a scalar subquery, for a learner query that also reads `recordVersion`. */
export const CATALOGUE_VERSION_SQL = 'COALESCE((SELECT version FROM "CatalogueState" WHERE id = 1), 0)';

const stampKey = (s: RecordStamp) => `${s.recordVersion}.${s.catalogueVersion}.${s.day}`;

interface Entry {
  stamp: string;
  /** The section as JSON in UTF-8, ready to send. */
  json: Buffer;
}

/**
 * Computed record sections as JSON bytes, per learner and section, bounded by size (least recently
 * used out first). Computing a record evaluates every qualification it touches with routes, which
 * takes milliseconds; a learner (or an organisation they permitted) looking again gets the stored
 * text while nothing it depends on has changed. Concurrent requests for the same missing section
 * share one computation.
 */
export class RecordCache {
  private readonly entries: LRUCache<string, Entry>;
  private readonly computing = new Map<string, Promise<Partial<Record<SectionName, Buffer>>>>();
  hits = 0;
  misses = 0;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, Entry>({
      maxSize: Math.max(1, maxBytes),
      // The key and bookkeeping are small beside a section.
      sizeCalculation: (entry) => entry.json.length + 64,
    });
  }

  /**
   * The wanted sections of the learner's record as JSON (UTF-8): stored ones whose stamp matches,
   * the others computed together by `compute` (given the missing names) and stored.
   */
  async sections(
    learnerId: string,
    stamp: RecordStamp,
    wanted: readonly SectionName[],
    compute: (missing: SectionName[]) => Promise<Partial<Record<SectionName, Buffer>>>,
  ): Promise<Partial<Record<SectionName, Buffer>>> {
    const key = stampKey(stamp);
    const found: Partial<Record<SectionName, Buffer>> = {};
    const missing: SectionName[] = [];
    for (const name of wanted) {
      const entry = this.entries.get(`${learnerId}|${name}`);
      if (entry?.stamp === key) found[name] = entry.json;
      else missing.push(name);
    }
    if (missing.length === 0) {
      this.hits++;
      return found;
    }
    this.misses++;
    const flight = `${learnerId}|${key}|${missing.join(',')}`;
    let pending = this.computing.get(flight);
    if (!pending) {
      pending = compute(missing).then((computed) => {
        for (const [name, json] of Object.entries(computed)) {
          if (json !== undefined) this.entries.set(`${learnerId}|${name}`, { stamp: key, json });
        }
        return computed;
      });
      this.computing.set(flight, pending);
      pending.then(
        () => this.computing.delete(flight),
        () => this.computing.delete(flight),
      );
    }
    return { ...found, ...(await pending) };
  }

  /** Bytes (approximately) held. */
  get size(): number {
    return this.entries.calculatedSize;
  }
}
