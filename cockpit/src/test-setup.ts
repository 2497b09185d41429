// IndexedDB for Dexie under jsdom: the cache runs against a real (in-memory) IndexedDB implementation in unit tests.
import 'fake-indexeddb/auto';

// jsdom has no IntersectionObserver; `@defer (on viewport)` needs one. This one never reports an intersection, so
// deferred blocks keep their placeholder, as they would off-screen. Browser tests cover the real behaviour.
if (typeof globalThis.IntersectionObserver === 'undefined') {
  class NeverIntersecting {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
    takeRecords(): [] {
      return [];
    }
  }
  (globalThis as unknown as { IntersectionObserver: unknown }).IntersectionObserver = NeverIntersecting;
}
