// The one ECharts wrapper, as a Svelte action: init once, replace the option on update, follow
// the container's size, dispose on destroy. Sets data-rendered="true" once ECharts has finished
// drawing (end-to-end tests wait for it).
import type { Action } from 'svelte/action';
import { init, use, type EChartsCoreOption, type EChartsType } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the charts use (tree-shaken); register more here when a chart needs them.
use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export interface EChartsActionParams {
  option: EChartsCoreOption;
  /** A click on the chart: series points and mark areas (ECharts' event parameters). */
  onClick?: (event: { componentType?: string; seriesId?: string; dataIndex?: number; name?: string }) => void;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export const echarts: Action<HTMLElement, EChartsActionParams> = (node, params) => {
  // SVG: crisp at any zoom and in print, and cheap for a few hundred points.
  const chart: EChartsType = init(node, null, { renderer: 'svg' });

  chart.on('finished', () => {
    node.dataset.rendered = 'true';
  });
  // The first frame on screen (the chart is visible; its entry animation may still run).
  chart.on('rendered', () => {
    node.dataset.painted ??= String(Math.round(performance.now()));
  });
  let onClick = params.onClick;
  chart.on('click', (event) => onClick?.(event as Parameters<NonNullable<EChartsActionParams['onClick']>>[0]));

  const apply = (next: EChartsActionParams) => {
    onClick = next.onClick;
    node.dataset.rendered = 'false';
    const option = prefersReducedMotion() ? { ...next.option, animation: false } : next.option;
    chart.setOption(option, { notMerge: true });
  };
  apply(params);

  // One resize per frame at most, however many times the observer fires.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => chart.resize());
  });
  observer.observe(node);

  return {
    update: apply,
    destroy() {
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart.dispose();
    },
  };
};
