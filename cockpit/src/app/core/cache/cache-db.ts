import Dexie, { type Table } from 'dexie';

/** One remembered answer: what the server last said for a key, and when. */
export interface CacheEntry {
  key: string;
  value: unknown;
  savedAt: string;
}

/** IndexedDB through Dexie: the last-seen data, so the app opens instantly and reads offline. */
export class CockpitCacheDb extends Dexie {
  entries!: Table<CacheEntry, string>;

  constructor(name = 'cockpit-cache') {
    super(name);
    this.version(1).stores({ entries: 'key, savedAt' });
  }
}
