import type { Signal } from '@angular/core';
import type { UserError } from '../../core/errors/user-error';
import type { PendingJobFieldsFragment, QueueFieldsFragment } from '../../core/graphql/generated';
import type { WaitSample } from './wait-trend';

/** The name the server gives the queue of jobs without a config name (any agent may take them). */
export const ANY_QUEUE = 'any';

/** One queue as the server reports it (GraphQL queues / queueChanged): a config name, or "any". */
export type QueueRow = QueueFieldsFragment;

/** A pending job in dispatch order (position 1 goes next, across every queue). */
export interface PendingRow {
  id: string;
  prompt: string;
  queue: string;
  priority: number;
  concurrencyKey: string | null;
  position: number;
  waitingReason: string;
  queuedAt: string;
  notBefore: string | null;
}

/** A pendingJobs entry as the panel shows it; the job itself may be gone (deleted since), then without a prompt. */
export function toPendingRow(p: PendingJobFieldsFragment): PendingRow {
  return {
    id: p.jobId,
    prompt: p.job?.prompt ?? '',
    queue: p.queue,
    priority: p.priority,
    concurrencyKey: p.concurrencyKey,
    position: p.position,
    waitingReason: p.waitingReason,
    queuedAt: p.queuedAt,
    notBefore: p.notBefore,
  };
}

/** What the Queues panel reads and does; QueuesStore speaks GraphQL (queues, pendingJobs, queueChanged). */
export interface QueuesSource {
  readonly queues: Signal<QueueRow[] | undefined>;
  readonly pending: Signal<PendingRow[]>;
  readonly trends: Signal<ReadonlyMap<string, readonly WaitSample[]>>;
  readonly error: Signal<UserError | null>;
  readonly cachedAt: Signal<string | null>;
  start(): void;
  reload(): void;
  /** Null when the priority was changed, else what went wrong. */
  setPriority(jobId: string, priority: number): Promise<UserError | null>;
}

/** The key of a queue in maps, attributes and tests: its name ("any" for the any-agent queue). */
export function queueKey(name: string): string {
  return name;
}

/** The position of each pending job, by job id (the job list shows it beside `pending`). */
export function positionsById(pending: readonly PendingRow[]): ReadonlyMap<string, number> {
  return new Map(pending.map((p) => [p.id, p.position]));
}
