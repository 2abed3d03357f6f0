// The one ECharts wrapper, as a Svelte action: init once, replace the option on update, follow
// the container's size, dispose on destroy. Sets data-rendered="true" once ECharts has finished
// drawing (end-to-end tests wait for it). While the page prints, a chart given a `print` drawing
// is redrawn at once at that size: the browser lays the paper out right after its print event,
// before any frame or resize observer would run.
import type { Action } from 'svelte/action';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { watchPrinting } from '$lib/print/print-events';

// Asked for as soon as a page that draws charts is opened, without holding up its text: the page
// shows itself and asks for its data while ECharts arrives.
const runtime = import('./echarts-runtime');

export interface EChartsActionParams {
  option: EChartsCoreOption;
  /** A click on the chart: series points and mark areas (ECharts' event parameters). */
  onClick?: (event: { componentType?: string; seriesId?: string; dataIndex?: number; name?: string }) => void;
  /** The chart on paper: this option at this size (the print stylesheet gives the box the same size). */
  print?: { option: EChartsCoreOption; width: number; height: number };
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export const echarts: Action<HTMLElement, EChartsActionParams> = (node, params) => {
  let chart: EChartsType | null = null;
  let latest = params;
  let destroyed = false;
  let onClick = params.onClick;
  let printing = false;
  node.dataset.rendered = 'false';

  const paper = () => (printing ? latest.print : undefined);
  const size = () => {
    const print = paper();
    return print ? { width: print.width, height: print.height } : { width: 'auto' as const, height: 'auto' as const };
  };

  const draw = () => {
    if (!chart) return; // drawn with the latest option once ECharts has loaded
    node.dataset.rendered = 'false';
    const option = paper()?.option ?? latest.option;
    chart.setOption(prefersReducedMotion() || paper() ? { ...option, animation: false } : option, { notMerge: true });
  };

  const apply = (next: EChartsActionParams) => {
    latest = next;
    onClick = next.onClick;
    draw();
  };

  // One resize per frame at most, however many times the observer fires.
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => chart?.resize(size()));
  });

  const stopWatching = watchPrinting((now) => {
    printing = now;
    if (!chart || !latest.print) return;
    chart.resize(size());
    draw();
    // Painted now, not at the next frame: the printed page is laid out before there is one.
    chart.getZr().flush();
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
    if (paper()) chart.resize(size());
    apply(latest);
    observer.observe(node);
  });

  return {
    update: apply,
    destroy() {
      destroyed = true;
      stopWatching();
      cancelAnimationFrame(frame);
      observer.disconnect();
      chart?.dispose();
    },
  };
};
