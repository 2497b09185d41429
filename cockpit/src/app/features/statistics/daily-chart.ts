import { ChangeDetectionStrategy, Component, ElementRef, effect, inject, input, viewChild } from '@angular/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Stats } from '../../core/data/stats.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { ThemeService } from '../../core/theme/theme.service';
import { hostEChart } from '../../shared/charts/echarts-host';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * The seven-day chart of jobs by outcome (stacked bars). Only ever loaded through @defer: echarts is a large
 * library and stays out of the initial bundle.
 */
@Component({
  selector: 'app-daily-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div #chart class="chart" role="img" [attr.aria-label]="i18n.t('stats.chartLabel')" data-testid="daily-chart"></div>`,
  styles: `.chart { width: 100%; height: 220px; }`,
})
export class DailyChart {
  protected readonly i18n = inject(I18nService);
  private readonly theme = inject(ThemeService);
  readonly daily = input.required<Stats['daily']>();
  private readonly element = viewChild.required<ElementRef<HTMLDivElement>>('chart');
  private readonly chart = hostEChart(() => this.element(), () => this.render());

  constructor() {
    effect(() => {
      this.daily();
      this.theme.effective();
      this.i18n.language();
      this.render();
    });
  }

  private render(): void {
    const chart = this.chart();
    if (!chart) return;
    const css = getComputedStyle(this.element().nativeElement);
    const color = (name: string) => css.getPropertyValue(name).trim();
    const days = this.daily();
    const series = (key: 'created' | 'completed' | 'failed' | 'cancelled', colour: string) => ({
      name: this.i18n.t(`status.${key}`),
      type: 'bar' as const,
      stack: key === 'created' ? 'created' : 'outcome',
      data: days.map((d) => d[key]),
      itemStyle: { color: color(colour) },
    });
    chart.setOption(
      {
        textStyle: { color: color('--text-color') },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, textStyle: { color: color('--text-color') } },
        grid: { left: 36, right: 12, top: 36, bottom: 24 },
        xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)), axisLine: { lineStyle: { color: color('--border-color') } } },
        yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: color('--border-color') } } },
        series: [
          series('created', '--ctp-blue'),
          series('completed', '--ctp-green'),
          series('failed', '--ctp-red'),
          series('cancelled', '--ctp-overlay0'),
        ],
      },
      true,
    );
  }
}
