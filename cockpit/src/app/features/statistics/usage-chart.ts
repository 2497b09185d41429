import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, viewChild } from '@angular/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { I18nService } from '../../core/i18n/i18n.service';
import { ThemeService } from '../../core/theme/theme.service';
import { formatUsd } from '../../shared/usage/usage-format';
import type { UsageChartData } from './usage-series';
import { hostEChart } from '../../shared/charts/echarts-host';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const PALETTE = ['--ctp-blue', '--ctp-green', '--ctp-peach', '--ctp-mauve', '--ctp-teal', '--ctp-red', '--ctp-yellow', '--ctp-pink'];

/** LLM cost per day, stacked by config, model or agent. Only ever loaded through @defer (echarts is large). */
@Component({
  selector: 'app-usage-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #chart class="chart" role="img" [attr.aria-label]="i18n.t('stats.usageChartLabel')" data-testid="usage-chart"></div>`,
  styles: `.chart { width: 100%; height: 220px; }`,
})
export class UsageChart {
  protected readonly i18n = inject(I18nService);
  private readonly theme = inject(ThemeService);
  readonly data = input.required<UsageChartData>();
  private readonly element = viewChild.required<ElementRef<HTMLDivElement>>('chart');
  private readonly chart = hostEChart(() => this.element(), () => this.render());

  constructor() {
    effect(() => {
      this.data();
      this.theme.effective();
      this.render();
    });
  }

  private render(): void {
    const chart = this.chart();
    if (!chart) return;
    const css = getComputedStyle(this.element().nativeElement);
    const color = (name: string) => css.getPropertyValue(name).trim();
    const data = this.data();
    chart.setOption(
      {
        textStyle: { color: color('--text-color') },
        tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : formatUsd(v)) },
        legend: { top: 0, type: 'scroll', textStyle: { color: color('--text-color') } },
        grid: { left: 56, right: 12, top: 36, bottom: 24 },
        xAxis: { type: 'category', data: data.days.map((d) => d.slice(5)), axisLine: { lineStyle: { color: color('--border-color') } } },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatUsd(v) }, splitLine: { lineStyle: { color: color('--border-color') } } },
        series: data.series.map((s, i) => ({
          name: s.key,
          type: 'bar' as const,
          stack: 'cost',
          data: s.data,
          itemStyle: { color: color(PALETTE[i % PALETTE.length]) },
        })),
      },
      true,
    );
  }
}
