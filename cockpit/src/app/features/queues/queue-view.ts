import { InjectionToken, type Signal } from '@angular/core';
import type { UserError } from '../../core/errors/user-error';
import type { WaitSample } from './wait-trend';

/** One queue as the panel shows it: a config name, or null for jobs any agent may take. */
export interface QueueRow {
  configName: string | null;
  pending: number;
  oldestPendingAgeSeconds: number | null;
  idleAgents: number;
  running: number;
  waitP50Seconds: number | null;
  waitP95Seconds: number | null;
}

/** A pending job in dispatch order (position 1 goes next). */
export interface PendingRow {
  id: string;
  prompt: string;
  configName: string | null;
  priority: number;
  concurrencyKey: string | null;
  position: number;
  waitingReason: string | null;
  createdAt: string;
}

/**
 * What the Queues panel reads and does; the store behind it speaks GraphQL (queues, queueChanged). The panel is
 * registered (panel-ids, panels.ts, presets) together with that store, once the core's queue schema is on main.
 */
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

export const QUEUES_SOURCE = new InjectionToken<QueuesSource>('QUEUES_SOURCE');

/** The key of a queue in maps and tests: its config name, or "*" for the any-agent queue. */
export function queueKey(configName: string | null): string {
  return configName ?? '*';
}
