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

  it('waits for a database given as a promise (the app loads Dexie as its own chunk)', async () => {
    TestBed.resetTestingModule();
    let open!: (db: CockpitCacheDb) => void;
    const opening = new Promise<CockpitCacheDb>((resolve) => (open = resolve));
    TestBed.configureTestingModule({ providers: [{ provide: CACHE_DB, useValue: opening }] });
    const cache = TestBed.inject(CacheService);
    const written = cache.put('k', 'v');
    open(new CockpitCacheDb(`test-${crypto.randomUUID()}`));
    await written;
    expect((await cache.get<string>('k'))?.value).toBe('v');
  });

  it('opens the database through its default factory (the lazy import)', async () => {
    TestBed.resetTestingModule();
    const db = TestBed.inject(CACHE_DB);
    expect(db).toBeInstanceOf(Promise);
    expect(await db).toBeInstanceOf(CockpitCacheDb);
    const cache = TestBed.inject(CacheService);
    const key = `k-${crypto.randomUUID()}`;
    await cache.put(key, 42);
    expect((await cache.get<number>(key))?.value).toBe(42);
  });
});
