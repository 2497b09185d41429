import { DestroyRef, ElementRef, afterNextRender, inject } from '@angular/core';
import * as echarts from 'echarts/core';

/**
 * Mounts an echarts instance on a component's element once it is in the DOM, keeps it sized to the element and
 * disposes of it with the component; calls `render` once mounted. Call it in an injection context (a field or the
 * constructor). Returns the instance, null until mounted. Only the deferred chart components import this, so echarts
 * stays out of the initial bundle.
 */
export function hostEChart(element: () => ElementRef<HTMLElement>, render: () => void): () => echarts.ECharts | null {
  const destroyRef = inject(DestroyRef);
  let chart: echarts.ECharts | null = null;
  afterNextRender(() => {
    const host = element().nativeElement;
    chart = echarts.init(host, undefined, { renderer: 'canvas' });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart?.resize());
    observer?.observe(host);
    destroyRef.onDestroy(() => {
      observer?.disconnect();
      chart?.dispose();
    });
    render();
  });
  return () => chart;
}
