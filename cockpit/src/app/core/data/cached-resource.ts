import { signal } from '@angular/core';
import type { CacheService } from '../cache/cache.service';
import { type UserError, toUserError } from '../errors/user-error';

/** How long live changes are collected before the newest value is written to the cache. */
export const CACHE_WRITE_DELAY_MS = 2000;

/**
 * One piece of server data with the states every panel shows: loading, error, and "from cache" (the last-seen
 * value, shown at once on open and kept when the server cannot be reached). Loads that finish out of order are
 * ignored, so a slow old answer never overwrites a newer one.
 */
export class CachedResource<T> {
  readonly data = signal<T | undefined>(undefined);
  readonly loading = signal(false);
  readonly error = signal<UserError | null>(null);
  /** When the shown data was saved, while it comes from the cache and not (yet) from the server. */
  readonly cachedAt = signal<string | null>(null);
  private sequence = 0;
  private cacheKey: string | null = null;
  private pendingWrite: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly cache: CacheService | null) {}

  /** Fetches; shows the cached value for `cacheKey` first when nothing is shown yet. */
  async load(fetch: () => Promise<T>, cacheKey: string | null = null): Promise<void> {
    const token = ++this.sequence;
    if (cacheKey !== this.cacheKey) {
      this.data.set(undefined);
      this.cachedAt.set(null);
    }
    this.cacheKey = cacheKey;
    this.loading.set(true);
    this.error.set(null);
    if (cacheKey && this.cache && this.data() === undefined) {
      const cached = await this.cache.get<T>(cacheKey);
      if (cached && token === this.sequence && this.data() === undefined) {
        this.data.set(cached.value);
        this.cachedAt.set(cached.savedAt);
      }
    }
    try {
      const value = await fetch();
      if (token !== this.sequence) return;
      this.data.set(value);
      this.cachedAt.set(null);
      if (cacheKey && this.cache) void this.cache.put(cacheKey, value);
    } catch (error) {
      if (token === this.sequence) this.error.set(toUserError(error));
    } finally {
      if (token === this.sequence) this.loading.set(false);
    }
  }

  /**
   * A live change (from a subscription); the newest value is saved to the cache at most once per
   * {@link CACHE_WRITE_DELAY_MS}: saving copies the whole value into IndexedDB, and a fleet of thousands of agents sends
   * hundreds of changes a second in a burst. At worst the cache misses the last seconds of changes, which the next
   * load replaces anyway.
   */
  update(change: (current: T | undefined) => T | undefined): void {
    const next = change(this.data());
    if (next === this.data()) return;
    this.data.set(next);
    if (this.cacheKey && this.cache && next !== undefined && this.pendingWrite === null) {
      const key = this.cacheKey;
      this.pendingWrite = setTimeout(() => {
        this.pendingWrite = null;
        const latest = this.data();
        if (key === this.cacheKey && latest !== undefined) void this.cache?.put(key, latest);
      }, CACHE_WRITE_DELAY_MS);
    }
  }

  clear(): void {
    if (this.pendingWrite !== null) clearTimeout(this.pendingWrite);
    this.pendingWrite = null;
    this.sequence++;
    this.cacheKey = null;
    this.data.set(undefined);
    this.loading.set(false);
    this.error.set(null);
    this.cachedAt.set(null);
  }
}
