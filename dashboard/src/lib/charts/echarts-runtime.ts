// ECharts with only what the charts use (tree-shaken); register more here when a chart needs them.
// Loaded on its own (echarts-action.ts imports it dynamically) so that a page shows its text and
// asks for its data while this, the largest module of the dashboard, is still on its way.
import { init, use } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export { init };
