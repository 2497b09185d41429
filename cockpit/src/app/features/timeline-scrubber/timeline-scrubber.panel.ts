import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { JobContextStore } from '../../core/data/job-context.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { TimeCursorService } from '../../core/state/time-cursor.service';
import { formatDateTime } from '../../shared/format/format';
import { Icon } from '../../shared/icon/icon';

/** Moments worth stepping to: status changes and audit entries, sorted, without duplicates. */
export function eventTimes(timeline: readonly { at: string }[], audit: readonly { at: string }[]): number[] {
  return [...new Set([...timeline, ...audit].map((e) => Date.parse(e.at)).filter((t) => Number.isFinite(t)))].sort((a, b) => a - b);
}

/**
 * The global timeline: drag to move the audit, chat, graph and todos panels to one moment of the selected job;
 * step from event to event; "Live" follows now again.
 */
@Component({
  selector: 'app-timeline-scrubber',
  imports: [Icon, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (range(); as r) {
      <div class="scrubber" data-testid="scrubber">
        <button type="button" class="small" [attr.aria-label]="'scrubber.previous' | t" (click)="step(-1)"><app-icon name="previous" /></button>
        <input type="range" [min]="r.start" [max]="r.end" step="100" [value]="position()" [attr.aria-label]="'scrubber.label' | t"
               [attr.aria-valuetext]="label()" (input)="seek(+$any($event.target).value)" data-testid="scrubber-range" />
        <button type="button" class="small" [attr.aria-label]="'scrubber.next' | t" (click)="step(1)"><app-icon name="next" /></button>
        <button type="button" class="small live" [class.on]="cursor.live()" data-testid="scrubber-live" (click)="cursor.seek(null)">● {{ 'scrubber.live' | t }}</button>
        <span class="label mono" data-testid="scrubber-time">{{ cursor.live() ? ('scrubber.now' | t) : label() }}</span>
      </div>
    } @else {
      <p class="muted empty">{{ 'scrubber.noJob' | t }}</p>
    }
  `,
  styles: `
    .scrubber { display: flex; align-items: center; gap: 0.5rem; height: 100%; }
    input[type='range'] { flex: 1; accent-color: var(--accent-color); }
    .live.on { color: var(--ctp-green); border-color: var(--ctp-green); }
    .label { font-size: 0.75rem; min-width: 9rem; }
    .empty { margin: 0.3rem; font-size: 0.8rem; }
  `,
})
export class TimelineScrubberPanel {
  private readonly i18n = inject(I18nService);
  private readonly context = inject(JobContextStore);
  protected readonly cursor = inject(TimeCursorService);
  protected readonly range = this.context.timeRange;
  protected readonly position = computed(() => (this.cursor.live() ? (this.range()?.end ?? 0) : this.cursor.atMs()));
  protected readonly label = computed(() => formatDateTime(new Date(this.position()).toISOString(), this.i18n.locale()));
  private readonly events = computed(() => eventTimes(this.context.job.data()?.timeline ?? [], this.context.liveAudit()));

  protected seek(ms: number): void {
    const range = this.range();
    if (range && ms >= range.end) this.cursor.seek(null);
    else this.cursor.seek(new Date(ms));
  }

  protected step(direction: 1 | -1): void {
    const now = this.position();
    const events = this.events();
    const target = direction > 0 ? events.find((t) => t > now) : [...events].reverse().find((t) => t < now);
    if (target === undefined) {
      if (direction > 0) this.cursor.seek(null);
      return;
    }
    this.seek(target);
  }
}
