import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import { AuthService } from '../../core/auth/auth.service';
import type { UserError } from '../../core/errors/user-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { ClockService } from '../../core/state/clock.service';
import { formatDateTime, formatDuration, shortId, truncate } from '../../shared/format/format';
import { StateView } from '../../shared/state-view/state-view';
import { PRIORITY_RANGE } from '../job-create/dispatch-options';
import { ANY_QUEUE, type PendingRow, type QueueRow, queueKey } from './queue-view';
import { QUEUES_SOURCE } from './queues-source';
import { sparklinePoints, trendTop } from './wait-trend';

/**
 * The dispatch queues, live: per queue its depth, oldest wait, idle agents, running jobs and a wait-time trend; below,
 * the pending jobs in the order they will go, each with why it waits, and (for operators) its priority to change.
 */
@Component({
  selector: 'app-queues',
  imports: [StateView, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './queues.panel.html',
  styleUrl: './queues.panel.css',
})
export class QueuesPanel {
  protected readonly source = inject(QUEUES_SOURCE);
  protected readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  private readonly clock = inject(ClockService);
  protected readonly formatDuration = formatDuration;
  protected readonly shortId = shortId;
  protected readonly truncate = truncate;
  protected readonly queueKey = queueKey;
  protected readonly range = PRIORITY_RANGE;
  protected readonly trendWidth = 80;
  protected readonly trendHeight = 18;
  /** The job whose priority is being saved, and the last save's error, by job id. */
  protected readonly saving = signal<string | null>(null);
  protected readonly priorityError = signal<{ jobId: string; error: UserError | 'range' } | null>(null);

  constructor() {
    this.source.start();
  }

  protected readonly anyQueue = ANY_QUEUE;

  /**
   * When the queues' figures arrived: the server says a queue's oldest wait again only when the queue changes, and a
   * queue that does not move is the one whose age matters, so the age grows from there.
   */
  private readonly arrivedAt = computed(() => {
    this.source.queues();
    return Date.now();
  });

  /** The oldest pending job's wait, growing between the server's updates (as received when shown from the cache). */
  protected oldestWait(q: QueueRow): number | null {
    if (q.oldestPendingSeconds === null || this.source.cachedAt()) return q.oldestPendingSeconds;
    return q.oldestPendingSeconds + Math.max(0, this.clock.now() - this.arrivedAt()) / 1000;
  }

  /** The queue's wait-time trend as two lines (p50, p95) on one scale. */
  protected trend(name: string): { p50: string; p95: string } {
    const samples = this.source.trends().get(queueKey(name)) ?? [];
    const top = trendTop(samples);
    return {
      p50: sparklinePoints(samples, 'p50', this.trendWidth, this.trendHeight, top),
      p95: sparklinePoints(samples, 'p95', this.trendWidth, this.trendHeight, top),
    };
  }

  protected time(iso: string): string {
    return formatDateTime(iso, this.i18n.locale());
  }

  protected async savePriority(job: PendingRow, text: string): Promise<void> {
    const value = Number(text);
    if (!Number.isInteger(value) || value < PRIORITY_RANGE.min || value > PRIORITY_RANGE.max) {
      this.priorityError.set({ jobId: job.id, error: 'range' });
      return;
    }
    if (value === job.priority) return;
    this.saving.set(job.id);
    this.priorityError.set(null);
    const error = await this.source.setPriority(job.id, value);
    this.saving.set(null);
    if (error) this.priorityError.set({ jobId: job.id, error });
  }

  protected open(jobId: string, event: Event): void {
    event.preventDefault();
    void this.router.navigate(['/jobs', jobId], { queryParamsHandling: 'preserve' });
  }
}
