import { effect, inject, untracked } from '@angular/core';
import { GraphQLClient } from '../graphql/graphql-client';

/**
 * A root store of server data kept live: loaded when a panel first shows it, then kept current by subscriptions, and
 * loaded again after every reconnect, because the server does not replay the events missed while offline.
 */
export abstract class LiveStore {
  protected readonly client = inject(GraphQLClient);
  private isStarted = false;

  constructor() {
    effect(() => {
      if (this.client.epoch() > 0) untracked(() => this.reload());
    });
  }

  /** Whether a panel has shown this store yet (before that, nothing is subscribed). */
  protected get started(): boolean {
    return this.isStarted;
  }

  /** Idempotent: panels call it when they appear. */
  start(): void {
    if (this.isStarted) return;
    this.isStarted = true;
    this.reload();
    this.subscribe();
  }

  /** Loads the data afresh: on first show, after a reconnect, and when what is shown changes. */
  abstract reload(): void;

  /** Opens the subscriptions that keep the data current; called once, on first show. */
  protected abstract subscribe(): void;
}
