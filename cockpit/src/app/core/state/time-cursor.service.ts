import { Injectable, computed, signal } from '@angular/core';

/**
 * The global timeline scrubber's position. `at` null means "live" (now); otherwise the audit, chat, graph and todos
 * panels show the selected job as it stood at that moment.
 */
@Injectable({ providedIn: 'root' })
export class TimeCursorService {
  readonly at = signal<string | null>(null);
  readonly live = computed(() => this.at() === null);
  readonly atMs = computed(() => {
    const at = this.at();
    return at === null ? Number.POSITIVE_INFINITY : Date.parse(at);
  });

  seek(at: string | Date | null): void {
    this.at.set(at === null ? null : typeof at === 'string' ? at : at.toISOString());
  }

  /** True when something that happened at `at` is visible at the cursor (everything, when live). */
  visible(at: string | null | undefined): boolean {
    if (this.live() || !at) return true;
    return Date.parse(at) <= this.atMs();
  }
}
