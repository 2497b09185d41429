import { TestBed } from '@angular/core/testing';
import { CockpitCacheDb } from '../cache/cache-db';
import { CACHE_DB, CacheService } from '../cache/cache.service';
import { GraphQLRequestError } from '../graphql/graphql-errors';
import { CACHE_WRITE_DELAY_MS, CachedResource } from './cached-resource';

describe('CachedResource', () => {
  let cache: CacheService;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: CACHE_DB, useValue: new CockpitCacheDb(`test-${crypto.randomUUID()}`) }] });
    cache = TestBed.inject(CacheService);
  });

  it('shows the cached value at once, then the server’s, and saves it', async () => {
    await cache.put('k', 'old');
    const resource = new CachedResource<string>(cache);
    let release!: (v: string) => void;
    const loading = resource.load(() => new Promise<string>((r) => (release = r)), 'k');
    await vi.waitFor(() => expect(resource.data()).toBe('old'));
    expect(resource.cachedAt()).not.toBeNull();
    expect(resource.loading()).toBe(true);
    release('new');
    await loading;
    expect(resource.data()).toBe('new');
    expect(resource.cachedAt()).toBeNull();
    await vi.waitFor(async () => expect((await cache.get('k'))?.value).toBe('new'));
  });

  it('offline: keeps the cached value, marked as cached, with the error', async () => {
    await cache.put('k', 'old');
    const resource = new CachedResource<string>(cache);
    await resource.load(() => Promise.reject(new GraphQLRequestError('network', [])), 'k');
    expect(resource.data()).toBe('old');
    expect(resource.cachedAt()).not.toBeNull();
    expect(resource.error()).toEqual({ key: 'errors.network' });
  });

  it('ignores an answer that arrives after a newer load started', async () => {
    const resource = new CachedResource<string>(null);
    let releaseSlow!: (v: string) => void;
    const slow = resource.load(() => new Promise<string>((r) => (releaseSlow = r)));
    await resource.load(async () => 'fresh');
    releaseSlow('stale');
    await slow;
    expect(resource.data()).toBe('fresh');
  });

  it('saves a burst of live changes once, the newest value, after the write delay', async () => {
    const puts: [string, unknown][] = [];
    const recording = { get: async () => undefined, put: async (key: string, value: unknown) => void puts.push([key, value]) } as unknown as CacheService;
    const resource = new CachedResource<number>(recording);
    await resource.load(async () => 0, 'counter');
    puts.length = 0;
    vi.useFakeTimers();
    try {
      for (let i = 1; i <= 200; i++) resource.update(() => i);
      expect(resource.data()).toBe(200);
      vi.advanceTimersByTime(CACHE_WRITE_DELAY_MS - 1);
      expect(puts).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(puts).toEqual([['counter', 200]]);
      resource.update(() => 201);
      vi.advanceTimersByTime(CACHE_WRITE_DELAY_MS);
      expect(puts).toEqual([['counter', 200], ['counter', 201]]);
      resource.update(() => 202);
      resource.clear();
      vi.advanceTimersByTime(CACHE_WRITE_DELAY_MS);
      expect(puts).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
