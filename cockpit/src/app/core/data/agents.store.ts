import { Injectable, computed, inject } from '@angular/core';
import { CacheService } from '../cache/cache.service';
import { type AgentFieldsFragment, AgentChangedDocument, AgentsDocument } from '../graphql/generated';
import { CachedResource } from './cached-resource';
import { LiveStore } from './live-store';

export type AgentRow = AgentFieldsFragment;

/** Every agent, live: loaded once, then kept current by agentChanged; refetched after a reconnect. */
@Injectable({ providedIn: 'root' })
export class AgentsStore extends LiveStore {
  readonly resource = new CachedResource<AgentRow[]>(inject(CacheService));

  readonly agents = computed(() =>
    [...(this.resource.data() ?? [])].sort((a, b) => (a.hostname ?? a.id).localeCompare(b.hostname ?? b.id)),
  );
  readonly ready = computed(() => this.agents().filter((a) => a.status === 'ready'));
  readonly byId = computed(() => new Map(this.agents().map((a) => [a.id, a])));

  protected override subscribe(): void {
    this.client.subscribe(AgentChangedDocument, {}, {
      next: ({ agentChanged: change }) =>
        this.resource.update((agents = []) => {
          const rest = agents.filter((a) => a.id !== change.id);
          return change.deleted || !change.agent ? rest : [...rest, change.agent];
        }),
    });
  }

  override reload(): void {
    void this.resource.load(async () => (await this.client.request(AgentsDocument, {})).agents, 'agents');
  }
}
