import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { StatsStore } from '../../core/data/stats.store';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { shortId, truncate } from '../../shared/format/format';
import { StateView } from '../../shared/state-view/state-view';
import { StatusBadge } from '../../shared/status-badge/status-badge';
import { DailyChart } from './daily-chart';
import { UsageStats } from './usage-stats';

/** Seven days of jobs by outcome and of LLM cost, the queue right now, the workforce, the failure rate and stuck-job alerts. */
@Component({
  selector: 'app-statistics',
  imports: [StateView, StatusBadge, DailyChart, UsageStats, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './statistics.panel.html',
  styleUrl: './statistics.panel.css',
})
export class StatisticsPanel {
  protected readonly store = inject(StatsStore);
  private readonly router = inject(Router);
  protected readonly resource = this.store.resource;
  protected readonly shortId = shortId;
  protected readonly truncate = truncate;
  protected readonly round = Math.round;
  protected readonly queue = computed(() => {
    const q = this.resource.data()?.queue;
    return q ? (['created', 'pending', 'processing', 'completed', 'failed', 'cancelled'] as const).map((s) => ({ status: s, count: q[s] })) : [];
  });
  protected readonly failurePercent = computed(() => {
    const rate = this.resource.data()?.failureRate;
    return rate === null || rate === undefined ? null : Math.round(rate * 1000) / 10;
  });

  constructor() {
    this.store.start();
  }

  protected open(jobId: string, event: Event): void {
    event.preventDefault();
    void this.router.navigate(['/jobs', jobId], { queryParamsHandling: 'preserve' });
  }
}
