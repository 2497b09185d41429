import { Injectable, computed, inject, signal } from '@angular/core';
import { CacheService } from '../cache/cache.service';
import { JobsChangedDocument, JobsDocument } from '../graphql/generated';
import { type UserError, toUserError } from '../errors/user-error';
import { CachedResource } from './cached-resource';
import { LiveStore } from './live-store';
import { type JobFilter, type JobPage, type JobRow, applyJobChange, filterKey } from './job-list-state';

/** Rows fetched per page; the list grows by this much as the user scrolls towards its end. */
export const JOB_PAGE_SIZE = 200;

/**
 * The job list: server-side filter and search, cursor paging as the user scrolls, live changes from jobChanged
 * applied in place. The first page of each filter is cached for an instant, offline-readable start.
 */
@Injectable({ providedIn: 'root' })
export class JobsStore extends LiveStore {
  readonly resource = new CachedResource<JobPage>(inject(CacheService));
  readonly filter = signal<JobFilter>({ statuses: [], search: '' });
  readonly loadingMore = signal(false);
  readonly moreError = signal<UserError | null>(null);

  readonly rows = computed(() => this.resource.data()?.rows ?? []);
  readonly total = computed(() => this.resource.data()?.total ?? 0);
  readonly hasMore = computed(() => this.resource.data()?.hasNextPage ?? false);

  protected override subscribe(): void {
    this.client.subscribe(JobsChangedDocument, {}, {
      next: ({ jobChanged }) =>
        this.resource.update((page) => (page ? applyJobChange(page, jobChanged, this.filter()) : page)),
    });
  }

  setFilter(filter: JobFilter): void {
    const current = this.filter();
    if (filterKey(current) === filterKey(filter)) return;
    this.filter.set(filter);
    if (this.started) this.reload();
  }

  override reload(): void {
    const filter = this.filter();
    void this.resource.load(() => this.fetchPage(filter, null), filterKey(filter));
  }

  /** Next page after the last loaded row; a no-op while one is on its way or at the end. */
  async loadMore(): Promise<void> {
    const page = this.resource.data();
    if (!page?.hasNextPage || this.loadingMore()) return;
    const filter = this.filter();
    this.loadingMore.set(true);
    this.moreError.set(null);
    try {
      const next = await this.fetchPage(filter, page.endCursor);
      if (filterKey(filter) !== filterKey(this.filter())) return;
      this.resource.update((current) => {
        if (!current) return current;
        const known = new Set(current.rows.map((r) => r.id));
        return { ...next, rows: [...current.rows, ...next.rows.filter((r) => !known.has(r.id))] };
      });
    } catch (error) {
      this.moreError.set(toUserError(error));
    } finally {
      this.loadingMore.set(false);
    }
  }

  /** A job the server just returned from a mutation: shown at once, before its jobChanged event arrives. */
  upsert(job: JobRow): void {
    this.resource.update((page) => (page ? applyJobChange(page, { id: job.id, deleted: false, job }, this.filter()) : page));
  }

  remove(id: string): void {
    this.resource.update((page) => (page ? applyJobChange(page, { id, deleted: true, job: null }, this.filter()) : page));
  }

  private async fetchPage(filter: JobFilter, after: string | null): Promise<JobPage> {
    const { jobs } = await this.client.request(JobsDocument, {
      statuses: filter.statuses.length > 0 ? [...filter.statuses] : null,
      configName: filter.queue || null,
      search: filter.search.trim() || null,
      first: JOB_PAGE_SIZE,
      after,
    });
    return { rows: jobs.nodes, total: jobs.totalCount, endCursor: jobs.pageInfo.endCursor, hasNextPage: jobs.pageInfo.hasNextPage };
  }
}
export type { JobRow };
