import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { Router } from '@angular/router';
import { CacheService } from '../../core/cache/cache.service';
import { CachedResource } from '../../core/data/cached-resource';
import { StatsStore } from '../../core/data/stats.store';
import { GraphQLClient } from '../../core/graphql/graphql-client';
import { type UsageGroupBy, UsageStatsDocument, type UsageStatsQuery } from '../../core/graphql/generated';
import { I18nService } from '../../core/i18n/i18n.service';
import { TranslatePipe } from '../../core/i18n/translate.pipe';
import { shortId } from '../../shared/format/format';
import { StateView } from '../../shared/state-view/state-view';
import { CostText } from '../../shared/usage/cost-text';
import { formatTokens, formatUsd, isDemoModel } from '../../shared/usage/usage-format';
import { UsageChart } from './usage-chart';
import { usageChartData } from './usage-series';

type UsageStatistics = UsageStatsQuery['stats']['usage'];
const DAYS = 7;
/** statsChanged comes at most once a second while agents work; the usage follows it at most this often. */
const REFRESH_MS = 3_000;

/** LLM cost per day by config or model (a chart with a toggle), the costliest jobs and the unpriced calls. */
@Component({
  selector: 'app-usage-stats',
  imports: [StateView, CostText, UsageChart, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="usage" data-testid="usage-stats">
      <header class="head">
        <h3>{{ 'stats.usage' | t }}</h3>
        <div class="toggle" role="group" [attr.aria-label]="'stats.usageBy' | t">
          @for (g of groupings; track g) {
            <button type="button" class="chip" [class.on]="groupBy() === g" [attr.aria-pressed]="groupBy() === g" [attr.data-group-by]="g"
                    (click)="groupBy.set(g)">{{ 'stats.groupBy.' + g | t }}</button>
          }
        </div>
      </header>
      <app-state-view [hasData]="resource.data() !== undefined" [error]="resource.error()" [cachedAt]="resource.cachedAt()" (retry)="reload()">
        @if (resource.data(); as u) {
          <p class="muted small" data-testid="usage-total">{{ 'stats.usageTotal' | t: { days: u.days, cost: totalCost(u), tokens: tokens(u.total.tokens), calls: u.total.calls } }}</p>
          @if (u.total.calls === 0) {
            <p class="muted" data-testid="usage-none">{{ 'stats.noUsage' | t }}</p>
          } @else {
            @defer (on viewport) {
              <app-usage-chart [data]="chart()" />
            } @placeholder {
              <div class="chart-placeholder">{{ 'state.loading' | t }}</div>
            }
            <ul class="groups" data-testid="usage-groups">
              @for (g of u.groups; track g.key) {
                <li [attr.data-key]="g.key"><span class="mono">{{ g.key }}</span>@if (isDemoModel(g.key)) { <span class="demo">{{ 'usage.demoModel' | t }}</span> }
                  <app-cost-text [figures]="g.usage" /> <span class="muted">· {{ tokens(g.usage.tokens) }} tok</span></li>
              }
            </ul>
            <p class="small" data-testid="usage-unpriced">{{ 'stats.unpricedCalls' | t }}:
              <strong>{{ u.total.unpricedCalls > 0 ? u.total.unpricedCalls : ('stats.unpricedNone' | t) }}</strong></p>
            <h4>{{ 'stats.topJobs' | t }}</h4>
            <ol class="top" data-testid="usage-top-jobs">
              @for (j of u.topJobs; track j.jobId) {
                <li [attr.data-job-id]="j.jobId"><a href="/jobs/{{ j.jobId }}" class="mono" (click)="open(j.jobId, $event)">{{ shortId(j.jobId) }}</a>
                  <span class="muted">{{ j.configName }}</span> <app-cost-text [figures]="j.usage" /> <span class="muted">· {{ tokens(j.usage.tokens) }} tok</span></li>
              }
            </ol>
          }
        }
      </app-state-view>
    </section>
  `,
  styles: `
    .usage { margin-top: 1rem; }
    .head { display: flex; align-items: center; gap: 0.6rem; flex-wrap: wrap; }
    .head h3 { margin: 0; }
    .toggle { display: flex; gap: 0.25rem; }
    .groups, .top { font-size: 0.8rem; margin: 0.4rem 0; padding-left: 1.1rem; }
    .top li > * + *, .groups li > * + * { margin-left: 0.35rem; }
    .groups { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; }
    .demo { margin: 0 0.3rem; font-size: 0.72rem; color: var(--ctp-peach); }
    .chart-placeholder { height: 220px; display: grid; place-items: center; color: var(--muted-color); }
    h4 { font-size: 0.8rem; margin: 0.5rem 0 0.2rem; }
    .small { font-size: 0.8rem; }
  `,
})
export class UsageStats {
  private readonly client = inject(GraphQLClient);
  private readonly stats = inject(StatsStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  protected readonly groupings: UsageGroupBy[] = ['CONFIG', 'MODEL'];
  protected readonly groupBy = signal<UsageGroupBy>('CONFIG');
  protected readonly resource = new CachedResource<UsageStatistics>(inject(CacheService));
  protected readonly chart = computed(() => {
    const u = this.resource.data();
    return u ? usageChartData(u.daily, u.from, u.days) : { days: [], series: [] };
  });
  protected readonly shortId = shortId;
  protected readonly isDemoModel = isDemoModel;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    effect(() => {
      this.groupBy();
      untracked(() => this.reload());
    });
    effect(() => {
      // Fresh statistics mean agents or jobs changed: the usage may have too.
      if (this.stats.resource.data() === undefined) return;
      untracked(() => {
        if (this.timer !== undefined) return;
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.reload();
        }, REFRESH_MS);
      });
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  reload(): void {
    const groupBy = this.groupBy();
    void this.resource.load(async () => (await this.client.request(UsageStatsDocument, { days: DAYS, groupBy })).stats.usage, `usage-stats:${groupBy}`);
  }

  protected totalCost(u: UsageStatistics): string {
    return u.total.costUsd === null ? (u.total.calls > 0 ? this.i18n.t('usage.unpriced') : '—') : formatUsd(u.total.costUsd);
  }

  protected tokens(value: number): string {
    return formatTokens(value, this.i18n.locale());
  }

  protected open(jobId: string, event: Event): void {
    event.preventDefault();
    void this.router.navigate(['/jobs', jobId], { queryParamsHandling: 'preserve' });
  }
}
