import { Injectable, computed, effect, inject, untracked } from '@angular/core';
import { CacheService } from '../cache/cache.service';
import { GraphQLClient } from '../graphql/graphql-client';
import { type AgentFieldsFragment, AgentChangedDocument, AgentsDocument } from '../graphql/generated';
import { CachedResource } from './cached-resource';

export type AgentRow = AgentFieldsFragment;

/** Every agent, live: loaded once, then kept current by agentChanged; refetched after a reconnect. */
@Injectable({ providedIn: 'root' })
export class AgentsStore {
  private readonly client = inject(GraphQLClient);
  readonly resource = new CachedResource<AgentRow[]>(inject(CacheService));
  private started = false;

  readonly agents = computed(() =>
    [...(this.resource.data() ?? [])].sort((a, b) => (a.hostname ?? a.id).localeCompare(b.hostname ?? b.id)),
  );
  readonly ready = computed(() => this.agents().filter((a) => a.status === 'ready'));
  readonly byId = computed(() => new Map(this.agents().map((a) => [a.id, a])));

  constructor() {
    effect(() => {
      if (this.client.epoch() > 0) untracked(() => this.reload());
    });
  }

  /** Idempotent: panels call it when they appear. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.reload();
    this.client.subscribe(AgentChangedDocument, {}, {
      next: ({ agentChanged: change }) =>
        this.resource.update((agents = []) => {
          const rest = agents.filter((a) => a.id !== change.id);
          return change.deleted || !change.agent ? rest : [...rest, change.agent];
        }),
    });
  }

  reload(): void {
    void this.resource.load(async () => (await this.client.request(AgentsDocument, {})).agents, 'agents');
  }
}
