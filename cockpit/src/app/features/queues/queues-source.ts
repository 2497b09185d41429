import { InjectionToken, inject } from '@angular/core';
import type { QueuesSource } from './queue-view';
import { QueuesStore } from './queues.store';

/** What the Queues panel reads: the live QueuesStore, unless a test provides another source. */
export const QUEUES_SOURCE = new InjectionToken<QueuesSource>('QUEUES_SOURCE', { providedIn: 'root', factory: () => inject(QueuesStore) });
