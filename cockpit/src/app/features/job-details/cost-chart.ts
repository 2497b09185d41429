import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, viewChild } from '@angular/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { I18nService } from '../../core/i18n/i18n.service';
import { ThemeService } from '../../core/theme/theme.service';
import { formatUsd } from '../../shared/usage/usage-format';
import type { CostSeries } from './cost-series';
import { hostEChart } from '../../shared/charts/echarts-host';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

/**
 * The job's running cost over its time (a step line per call), up to the time scrubber's cursor, with the dollar
 * budget as a line. Only ever loaded through @defer: echarts stays out of the initial bundle.
 */
@Component({
  selector: 'app-cost-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #chart class="chart" role="img" [attr.aria-label]="i18n.t('usage.chartLabel')" data-testid="usage-chart"></div>`,
  styles: `.chart { width: 100%; height: 160px; }`,
})
export class CostChart {
  protected readonly i18n = inject(I18nService);
  private readonly theme = inject(ThemeService);
  readonly series = input.required<CostSeries>();
  readonly maxCostUsd = input<number | null>(null);
  /** The job's time span, so the axis does not jump while the cursor moves. */
  readonly range = input<{ start: number; end: number } | null>(null);
  private readonly element = viewChild.required<ElementRef<HTMLDivElement>>('chart');
  private readonly chart = hostEChart(() => this.element(), () => this.render());

  constructor() {
    effect(() => {
      this.series();
      this.maxCostUsd();
      this.range();
      this.theme.effective();
      this.render();
    });
  }

  private render(): void {
    const chart = this.chart();
    if (!chart) return;
    const css = getComputedStyle(this.element().nativeElement);
    const color = (name: string) => css.getPropertyValue(name).trim();
    const max = this.maxCostUsd();
    const range = this.range();
    chart.setOption(
      {
        textStyle: { color: color('--text-color') },
        tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatUsd(v) },
        grid: { left: 56, right: 12, top: 12, bottom: 24 },
        xAxis: { type: 'time', min: range?.start, max: range?.end, axisLine: { lineStyle: { color: color('--border-color') } } },
        yAxis: {
          type: 'value',
          axisLabel: { formatter: (v: number) => formatUsd(v) },
          max: max !== null ? (value: { max: number }) => Math.max(value.max, max) * 1.05 : undefined,
          splitLine: { lineStyle: { color: color('--border-color') } },
        },
        series: [
          {
            type: 'line',
            step: 'end',
            showSymbol: false,
            data: this.series().cost,
            itemStyle: { color: color('--ctp-blue') },
            areaStyle: { opacity: 0.15 },
            markLine: max === null ? undefined : { symbol: 'none', data: [{ yAxis: max }], lineStyle: { color: color('--ctp-red'), type: 'dashed' }, label: { formatter: formatUsd(max), position: 'insideEndTop' } },
          },
        ],
      },
      true,
    );
  }
}
