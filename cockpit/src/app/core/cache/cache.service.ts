import { Injectable, InjectionToken, inject } from '@angular/core';
import type { CacheEntry, CockpitCacheDb } from './cache-db';

/**
 * The database, or a promise of it. The app's factory loads Dexie (~100 kB) as its own chunk instead of in the
 * initial bundle (which has a 450 kB budget); tests may give an instance or null directly.
 */
export const CACHE_DB = new InjectionToken<CockpitCacheDb | null | Promise<CockpitCacheDb | null>>('CACHE_DB', {
  providedIn: 'root',
  factory: () => (typeof indexedDB === 'undefined' ? null : openCacheDb()),
});

/** A chunk that cannot be fetched degrades to "no cache", like every other failure of the cache. */
async function openCacheDb(): Promise<CockpitCacheDb | null> {
  try {
    const { CockpitCacheDb } = await import('./cache-db');
    return new CockpitCacheDb();
  } catch {
    return null;
  }
}

/** Entries beyond this count are dropped, oldest first, so the cache cannot grow without bound. */
const MAX_ENTRIES = 500;

/**
 * The last-seen data by key. Every failure (private browsing, quota, a blocked database) degrades to "no cache":
 * the cache makes the app faster and readable offline, it is never needed for correctness.
 */
@Injectable({ providedIn: 'root' })
export class CacheService {
  private readonly db = Promise.resolve(inject(CACHE_DB));
  private writes = 0;

  async get<T>(key: string): Promise<{ value: T; savedAt: string } | undefined> {
    const db = await this.db;
    if (!db) return undefined;
    try {
      const entry = await db.entries.get(key);
      return entry ? { value: entry.value as T, savedAt: entry.savedAt } : undefined;
    } catch {
      return undefined;
    }
  }

  async put<T>(key: string, value: T): Promise<void> {
    const db = await this.db;
    if (!db) return;
    const entry: CacheEntry = { key, value, savedAt: new Date().toISOString() };
    try {
      await db.entries.put(entry);
      if (++this.writes % 50 === 0) await this.trim(db);
    } catch {
      // quota or a closed database: keep working without the cache
    }
  }

  /** Keys starting with `prefix` (e.g. every todo snapshot of a job), oldest first. */
  async list<T>(prefix: string): Promise<{ key: string; value: T; savedAt: string }[]> {
    const db = await this.db;
    if (!db) return [];
    try {
      const entries = await db.entries.where('key').startsWith(prefix).toArray();
      return entries
        .sort((a, b) => a.savedAt.localeCompare(b.savedAt))
        .map((e) => ({ key: e.key, value: e.value as T, savedAt: e.savedAt }));
    } catch {
      return [];
    }
  }

  private async trim(db: CockpitCacheDb): Promise<void> {
    const count = await db.entries.count();
    if (count <= MAX_ENTRIES) return;
    const oldest = await db.entries.orderBy('savedAt').limit(count - MAX_ENTRIES).primaryKeys();
    await db.entries.bulkDelete(oldest);
  }
}
