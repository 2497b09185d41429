import { Injectable, PendingTasks, computed, inject } from '@angular/core';
import { CacheService } from '../cache/cache.service';
import { type AgentFieldsFragment, AgentChangedDocument, AgentsDocument } from '../graphql/generated';
import { type AgentChange, countByStatus, inListOrder, mergeAgentChanges } from './agent-fleet';
import { CachedResource } from './cached-resource';
import { LiveStore } from './live-store';

export type AgentRow = AgentFieldsFragment;

/**
 * How long agentChanged events are collected before they are applied together. A fleet's burst (hundreds of agents
 * changing at once, each its own WebSocket message) then costs one merge, one map and one render per window instead
 * of one per event; 50 ms is below what a person notices.
 */
export const AGENT_BATCH_MS = 50;

/**
 * Every agent, live: loaded once, then kept current by agentChanged; refetched after a reconnect. The list is kept in
 * list order (by hostname), so reading it never sorts.
 */
@Injectable({ providedIn: 'root' })
export class AgentsStore extends LiveStore {
  readonly resource = new CachedResource<AgentRow[]>(inject(CacheService));
  private readonly pendingTasks = inject(PendingTasks);
  private pending: AgentChange[] = [];

  /** In list order; the stored array itself unless a cached value from an older version was not sorted. */
  readonly agents = computed(() => inListOrder(this.resource.data() ?? []) as AgentRow[]);
  readonly ready = computed(() => this.agents().filter((a) => a.status === 'ready'));
  readonly byId = computed(() => new Map(this.agents().map((a) => [a.id, a])));
  readonly countsByStatus = computed(() => countByStatus(this.agents()));

  protected override subscribe(): void {
    this.client.subscribe(AgentChangedDocument, {}, {
      next: ({ agentChanged: change }) => this.enqueue(change),
    });
  }

  override reload(): void {
    void this.resource.load(async () => {
      const agents = (await this.client.request(AgentsDocument, {})).agents;
      return inListOrder(agents) as AgentRow[];
    }, 'agents');
  }

  private enqueue(change: AgentChange): void {
    this.pending.push(change);
    if (this.pending.length > 1) return;
    // A pending task, so that whenStable (tests, hydration) waits for the batch to be applied.
    const done = this.pendingTasks.add();
    setTimeout(() => {
      const batch = this.pending;
      this.pending = [];
      this.resource.update((agents) => mergeAgentChanges(inListOrder(agents ?? []), batch));
      done();
    }, AGENT_BATCH_MS);
  }
}
