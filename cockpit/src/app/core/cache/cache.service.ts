import { Injectable, InjectionToken, inject } from '@angular/core';
import { CockpitCacheDb, type CacheEntry } from './cache-db';

export const CACHE_DB = new InjectionToken<CockpitCacheDb | null>('CACHE_DB', {
  providedIn: 'root',
  factory: () => (typeof indexedDB === 'undefined' ? null : new CockpitCacheDb()),
});

/** Entries beyond this count are dropped, oldest first, so the cache cannot grow without bound. */
const MAX_ENTRIES = 500;

/**
 * The last-seen data by key. Every failure (private browsing, quota, a blocked database) degrades to "no cache":
 * the cache makes the app faster and readable offline, it is never needed for correctness.
 */
@Injectable({ providedIn: 'root' })
export class CacheService {
  private readonly db = inject(CACHE_DB);
  private writes = 0;

  async get<T>(key: string): Promise<{ value: T; savedAt: string } | undefined> {
    if (!this.db) return undefined;
    try {
      const entry = await this.db.entries.get(key);
      return entry ? { value: entry.value as T, savedAt: entry.savedAt } : undefined;
    } catch {
      return undefined;
    }
  }

  async put<T>(key: string, value: T): Promise<void> {
    if (!this.db) return;
    const entry: CacheEntry = { key, value, savedAt: new Date().toISOString() };
    try {
      await this.db.entries.put(entry);
      if (++this.writes % 50 === 0) await this.trim();
    } catch {
      // quota or a closed database: keep working without the cache
    }
  }

  /** Keys starting with `prefix` (e.g. every todo snapshot of a job), oldest first. */
  async list<T>(prefix: string): Promise<{ key: string; value: T; savedAt: string }[]> {
    if (!this.db) return [];
    try {
      const entries = await this.db.entries.where('key').startsWith(prefix).toArray();
      return entries
        .sort((a, b) => a.savedAt.localeCompare(b.savedAt))
        .map((e) => ({ key: e.key, value: e.value as T, savedAt: e.savedAt }));
    } catch {
      return [];
    }
  }

  private async trim(): Promise<void> {
    if (!this.db) return;
    const count = await this.db.entries.count();
    if (count <= MAX_ENTRIES) return;
    const oldest = await this.db.entries.orderBy('savedAt').limit(count - MAX_ENTRIES).primaryKeys();
    await this.db.entries.bulkDelete(oldest);
  }
}
