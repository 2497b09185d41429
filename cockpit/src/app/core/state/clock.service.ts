import { DestroyRef, Injectable, inject, signal } from '@angular/core';

/** Interval of the clock that ages "x seconds ago" texts; display only, no data is fetched on it. */
const TICK_MS = 5_000;

/** A coarse clock for relative times (heartbeat ages, ETAs), so templates re-render without polling the server. */
@Injectable({ providedIn: 'root' })
export class ClockService {
  readonly now = signal(Date.now());

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), TICK_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
