import { Injectable } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FakeGraphQLClient, settle } from '../../../testing/fake-graphql-client';
import { panelTestProviders } from '../../../testing/providers';
import { StatsChangedDocument, StatsDocument } from '../graphql/generated';
import { LiveStore } from './live-store';

/** The smallest live store: one query, one subscription. */
@Injectable({ providedIn: 'root' })
class ProbeStore extends LiveStore {
  override reload(): void {
    void this.client.request(StatsDocument, {});
  }

  protected override subscribe(): void {
    this.client.subscribe(StatsChangedDocument, {}, { next: () => undefined });
  }
}

describe('LiveStore', () => {
  let fake: FakeGraphQLClient;

  beforeEach(() => {
    fake = new FakeGraphQLClient().on('Stats', () => ({ stats: null }));
    TestBed.configureTestingModule({ providers: panelTestProviders(fake) });
  });

  it('loads and subscribes once however often panels start it', async () => {
    const store = TestBed.inject(ProbeStore);
    store.start();
    store.start();
    await settle();
    expect(fake.count('Stats')).toBe(1);
    expect(fake.openSubscriptions('StatsChanged')).toBe(1);
  });

  it('loads again after each reconnection, without subscribing twice', async () => {
    const store = TestBed.inject(ProbeStore);
    store.start();
    await settle();
    fake.epoch.set(1);
    TestBed.tick();
    await settle();
    fake.epoch.set(2);
    TestBed.tick();
    await settle();
    expect(fake.count('Stats')).toBe(3);
    expect(fake.openSubscriptions('StatsChanged')).toBe(1);
  });
});
