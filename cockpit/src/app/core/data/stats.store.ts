import { Injectable, effect, inject, untracked } from '@angular/core';
import { CacheService } from '../cache/cache.service';
import { GraphQLClient } from '../graphql/graphql-client';
import { type StatsFieldsFragment, StatsChangedDocument, StatsDocument } from '../graphql/generated';
import { CachedResource } from './cached-resource';

export type Stats = StatsFieldsFragment;

/** Statistics: one query, then statsChanged (the server sends fresh numbers at most once a second). */
@Injectable({ providedIn: 'root' })
export class StatsStore {
  private readonly client = inject(GraphQLClient);
  readonly resource = new CachedResource<Stats>(inject(CacheService));
  private started = false;

  constructor() {
    effect(() => {
      if (this.client.epoch() > 0) untracked(() => this.reload());
    });
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.reload();
    this.client.subscribe(StatsChangedDocument, {}, { next: ({ statsChanged }) => this.resource.update(() => statsChanged) });
  }

  reload(): void {
    void this.resource.load(async () => (await this.client.request(StatsDocument, {})).stats, 'stats');
  }
}
