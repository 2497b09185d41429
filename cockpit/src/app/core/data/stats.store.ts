import { Injectable, inject } from '@angular/core';
import { CacheService } from '../cache/cache.service';
import { type StatsFieldsFragment, StatsChangedDocument, StatsDocument } from '../graphql/generated';
import { CachedResource } from './cached-resource';
import { LiveStore } from './live-store';

export type Stats = StatsFieldsFragment;

/** Statistics: one query, then statsChanged (the server sends fresh numbers at most once a second). */
@Injectable({ providedIn: 'root' })
export class StatsStore extends LiveStore {
  readonly resource = new CachedResource<Stats>(inject(CacheService));

  protected override subscribe(): void {
    this.client.subscribe(StatsChangedDocument, {}, { next: ({ statsChanged }) => this.resource.update(() => statsChanged) });
  }

  override reload(): void {
    void this.resource.load(async () => (await this.client.request(StatsDocument, {})).stats, 'stats');
  }
}
