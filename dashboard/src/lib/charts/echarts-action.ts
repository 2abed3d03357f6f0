// The one ECharts wrapper, as a Svelte action: init once, replace the option on update, follow
// the container's size, dispose on destroy. Sets data-rendered="true" once ECharts has finished
// drawing (end-to-end tests wait for it).
import type { Action } from 'svelte/action';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

// Asked for as soon as a page that draws charts is opened, without holding up its text: the page
// shows itself and asks for its data while ECharts arrives.
const runtime = import('./echarts-runtime');

export interface EChartsActionParams {
  option: EChartsCoreOption;
  /** A click on the chart: series points and mark areas (ECharts' event parameters). */
  onClick?: (event: { componentType?: string; seriesId?: string; dataIndex?: number; name?: string }) => void;
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export const echarts: Action<HTMLElement, EChartsActionParams> = (node, params) => {
  let chart: EChartsType | null = null;
  let latest = params;
  let destroyed = false;
  let onClick = params.onClick;
  node.dataset.rendered = 'false';

  const apply = (next: EChartsActionParams) => {
    latest = next;
    onClick = next.onClick;
    if (!chart) return; // drawn with the latest option once ECharts has loaded
    node.dataset.rendered = 'false';
    const option = prefersReducedMotion() ? { ...next.option, animation: false } : next.option;
    chart.setOption(option, { notMerge: true });
  };

  // One resize per frame at most, however many times the observer fires.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => chart?.resize());
  });

  void runtime.then(({ init }) => {
    if (destroyed) return;
    // SVG: crisp at any zoom and in print, and cheap for a few hundred points.
    chart = init(node, null, { renderer: 'svg' });
    chart.on('finished', () => {
      node.dataset.rendered = 'true';
    });
    // The first frame on screen (the chart is visible; its entry animation may still run).
    chart.on('rendered', () => {
      node.dataset.painted ??= String(Math.round(performance.now()));
    });
    chart.on('click', (event) => onClick?.(event as Parameters<NonNullable<EChartsActionParams['onClick']>>[0]));
    apply(latest);
    observer.observe(node);
  });

  return {
    update: apply,
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart?.dispose();
    },
  };
};
