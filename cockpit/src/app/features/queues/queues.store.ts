import { Injectable, computed, inject, signal } from '@angular/core';
import { CacheService } from '../../core/cache/cache.service';
import { CachedResource } from '../../core/data/cached-resource';
import { LiveStore } from '../../core/data/live-store';
import { JobsStore } from '../../core/data/jobs.store';
import { type UserError, toUserError } from '../../core/errors/user-error';
import { PendingJobChangedDocument, PendingJobsDocument, QueueChangedDocument, QueuesDocument, SetJobPriorityDocument } from '../../core/graphql/generated';
import { type PendingRow, type QueueRow, type QueuesSource, positionsById, toPendingRow } from './queue-view';
import { type WaitSample, addSample } from './wait-trend';

/** How many pending jobs the cockpit shows (and knows the position of): the server's largest page. */
export const PENDING_SHOWN = 500;

/**
 * The dispatch queues, live: the queues' figures from one query, then from queueChanged (the server sends them at most
 * once a second, on every move into or out of pending/processing); the pending jobs in dispatch order are fetched
 * again on each such event (one fetch at a time, the last event never lost), and when a pending job changes (a
 * priority set by anyone: queueChanged does not fire for that).
 */
@Injectable({ providedIn: 'root' })
export class QueuesStore extends LiveStore implements QueuesSource {
  private readonly jobs = inject(JobsStore);
  readonly resource = new CachedResource<QueueRow[]>(inject(CacheService));
  readonly queues = this.resource.data.asReadonly();
  readonly error = this.resource.error.asReadonly();
  readonly cachedAt = this.resource.cachedAt.asReadonly();
  readonly pending = signal<PendingRow[]>([]);
  readonly pendingError = signal<UserError | null>(null);
  readonly trends = signal<ReadonlyMap<string, readonly WaitSample[]>>(new Map());
  /** Each pending job's place in the dispatch order, by job id. */
  readonly positions = computed(() => positionsById(this.pending()));
  private pendingInFlight = false;
  private pendingAgain = false;

  protected override subscribe(): void {
    this.client.subscribe(QueueChangedDocument, {}, {
      next: ({ queueChanged }) => {
        this.resource.update(() => queueChanged);
        this.record(queueChanged);
        void this.loadPending();
      },
    });
    this.client.subscribe(PendingJobChangedDocument, {}, {
      next: ({ jobChanged }) => {
        const known = this.pending().find((p) => p.id === jobChanged.id);
        if (jobChanged.job?.status === 'pending' && jobChanged.job.priority !== known?.priority) void this.loadPending();
      },
    });
  }

  override reload(): void {
    void this.resource
      .load(async () => (await this.client.request(QueuesDocument, {})).queues, 'queues')
      .then(() => {
        const queues = this.resource.data();
        if (queues && !this.resource.cachedAt()) this.record(queues);
      });
    void this.loadPending();
  }

  async setPriority(jobId: string, priority: number): Promise<UserError | null> {
    try {
      const { setJobPriority } = await this.client.request(SetJobPriorityDocument, { jobId, priority });
      this.jobs.upsert(setJobPriority);
      await this.loadPending();
      return null;
    } catch (error) {
      return toUserError(error);
    }
  }

  /** One fetch at a time; an event during a fetch asks for one more after it, so the last state is always fetched. */
  private async loadPending(): Promise<void> {
    if (this.pendingInFlight) {
      this.pendingAgain = true;
      return;
    }
    this.pendingInFlight = true;
    try {
      do {
        this.pendingAgain = false;
        try {
          const { pendingJobs } = await this.client.request(PendingJobsDocument, { queue: null, first: PENDING_SHOWN });
          this.pending.set(pendingJobs.map(toPendingRow));
          this.pendingError.set(null);
        } catch (error) {
          this.pendingError.set(toUserError(error));
        }
      } while (this.pendingAgain);
    } finally {
      this.pendingInFlight = false;
    }
  }

  private record(queues: readonly QueueRow[]): void {
    const at = Date.now() / 1000;
    this.trends.update((all) => {
      const next = new Map(all);
      for (const q of queues) next.set(q.name, addSample(next.get(q.name) ?? [], { at, p50: q.waitP50Seconds, p95: q.waitP95Seconds }));
      return next;
    });
  }
}
