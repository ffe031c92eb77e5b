import { LRUCache } from 'lru-cache';

/**
 * The channel the database notifies (triggers in the record_versions and viewing_changes migrations)
 * when sessions, accounts, learners' record details, the catalogue version, permissions or sign-in
 * locks change.
 */
export const AUTH_CHANGED_CHANNEL = 'lar_auth_changed';

/**
 * The payload of notifications that only Select LAR's cache needs (a permission, a sign-in lock, a
 * password hash or a learner's email changed); session caches ignore them.
 */
export const VIEWING_CHANGED = 'viewing';

/**
 * What a request read from the database, kept so that the next request needs no query while nothing
 * it depends on has changed: sessions (plugins/app/auth) and Select LAR's lookups (record/select-lar).
 * Any change notified by the database (a session revoked, an account disabled, a password change
 * required, a learner's record version bumped…) empties it, as does any request of this process that
 * may have written such a change (before its response is sent), so a client always sees its own
 * changes. It is used only while the notification channel is listening:
 * after the connection is lost it is emptied and bypassed until listening again.
 *
 * A read racing a change cannot be stored stale: the generation is taken before the read, and the
 * change's notification (sent at commit, so after any stale read began) moves it on.
 */
export class NotifiedCache<T extends {}> {
  private readonly entries: LRUCache<string, T>;
  private generationNow = 0;
  private listening = false;
  hits = 0;
  misses = 0;

  constructor(max = 50_000, ttlMs = 60_000) {
    // The time limit is a backstop only: notifications are what keep entries current.
    this.entries = new LRUCache<string, T>({ max, ttl: ttlMs });
  }

  /** Take before reading from the database, and pass to `store`. */
  get generation(): number {
    return this.generationNow;
  }

  get(key: string): T | undefined {
    const found = this.listening ? this.entries.get(key) : undefined;
    if (found) this.hits++;
    else this.misses++;
    return found;
  }

  store(key: string, value: T, generation: number) {
    if (this.listening && generation === this.generationNow) this.entries.set(key, value);
  }

  /** Forgets one entry (one that has lapsed by its own terms). */
  drop(key: string) {
    this.entries.delete(key);
  }

  invalidate() {
    this.generationNow++;
    this.entries.clear();
  }

  /** The notification channel is listening (again): entries can be trusted from now on. */
  connected() {
    this.invalidate();
    this.listening = true;
  }

  /** The notification channel is lost: changes could go unseen, so nothing is kept or served. */
  lost() {
    this.listening = false;
    this.invalidate();
  }
}
