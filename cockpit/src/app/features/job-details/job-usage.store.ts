import { DestroyRef, Injectable, computed, effect, inject, untracked } from '@angular/core';
import { CacheService } from '../../core/cache/cache.service';
import { CachedResource } from '../../core/data/cached-resource';
import { JobContextStore } from '../../core/data/job-context.store';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { JobLlmCallsDocument, JobUsageDocument, type JobUsageQuery } from '../../core/graphql/generated';
import { TimeCursorService } from '../../core/state/time-cursor.service';
import { type CallPoint, costSeries, mergeCalls } from './cost-series';

export type JobUsage = NonNullable<JobUsageQuery['job']>['usage'];
/** New calls arrive in bursts with each telemetry flush: refetch at most this often. */
const REFRESH_MS = 1_500;
/** Pages of 500 calls fetched for the chart; a longer job shows its first calls plus those that arrive live. */
const MAX_PAGES = 10;

/**
 * The selected job's usage (totals, per model, budget and share used) and its LLM calls for the cost over time.
 * Refetched, throttled, when an LLM call or a job change arrives live; the series follows the time scrubber.
 */
@Injectable()
export class JobUsageStore {
  private readonly client = inject(GraphQLClient);
  private readonly context = inject(JobContextStore);
  private readonly cursor = inject(TimeCursorService);
  readonly usage = new CachedResource<JobUsage | null>(inject(CacheService));
  readonly fetchedCalls = new CachedResource<CallPoint[]>(null);
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Every call known, fetched or live, oldest first. */
  readonly calls = computed(() =>
    mergeCalls(this.fetchedCalls.data() ?? [], this.context.liveAudit().filter((a) => a.stepType === 'llm')),
  );
  /** The series up to the scrubber's cursor (everything when live). */
  readonly series = computed(() => costSeries(this.calls(), this.cursor.atMs()));

  constructor() {
    effect(() => {
      const id = this.context.jobId();
      untracked(() => (id ? this.reload(id) : (this.usage.clear(), this.fetchedCalls.clear())));
    });
    effect(() => {
      // Each job change (a budget warning, a stop, a raise) and each live LLM call may change the usage.
      this.context.jobVersion();
      this.context.liveAudit().length;
      untracked(() => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refreshUsage(), REFRESH_MS);
      });
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  reload(id = this.context.jobId()): void {
    if (!id) return;
    this.refreshUsage();
    void this.fetchedCalls.load(() => this.fetchCalls(id));
  }

  private refreshUsage(): void {
    const id = this.context.jobId();
    if (id) void this.usage.load(async () => (await this.client.request(JobUsageDocument, { id })).job?.usage ?? null, `usage:${id}`);
  }

  private async fetchCalls(id: string): Promise<CallPoint[]> {
    const calls: CallPoint[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const audit: NonNullable<Awaited<ReturnType<typeof this.page>>> | null = await this.page(id, after);
      if (!audit) break;
      calls.push(...audit.nodes);
      if (!audit.pageInfo.hasNextPage) break;
      after = audit.pageInfo.endCursor ?? null;
    }
    return calls;
  }

  private async page(id: string, after: string | null) {
    return (await this.client.request(JobLlmCallsDocument, { id, after })).job?.audit ?? null;
  }
}
