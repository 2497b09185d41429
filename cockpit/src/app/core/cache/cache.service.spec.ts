import { TestBed } from '@angular/core/testing';
import { CockpitCacheDb } from './cache-db';
import { CACHE_DB, CacheService } from './cache.service';

describe('CacheService (Dexie on an in-memory IndexedDB)', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: CACHE_DB, useValue: new CockpitCacheDb(`test-${crypto.randomUUID()}`) }] });
  });

  it('returns what was put, with the time it was saved', async () => {
    const cache = TestBed.inject(CacheService);
    await cache.put('jobs:', { rows: [1, 2] });
    const entry = await cache.get<{ rows: number[] }>('jobs:');
    expect(entry?.value).toEqual({ rows: [1, 2] });
    expect(Date.parse(entry?.savedAt ?? '')).toBeGreaterThan(0);
    expect(await cache.get('missing')).toBeUndefined();
  });

  it('lists entries by prefix, oldest first', async () => {
    const cache = TestBed.inject(CacheService);
    await cache.put('todos:j1:1', 'a');
    await new Promise((r) => setTimeout(r, 5));
    await cache.put('todos:j1:2', 'b');
    await cache.put('todos:j2:1', 'other job');
    expect((await cache.list<string>('todos:j1:')).map((e) => e.value)).toEqual(['a', 'b']);
  });

  it('works without IndexedDB: every read misses, no write throws', async () => {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [{ provide: CACHE_DB, useValue: null }] });
    const cache = TestBed.inject(CacheService);
    await expect(cache.put('k', 1)).resolves.toBeUndefined();
    expect(await cache.get('k')).toBeUndefined();
  });
});
