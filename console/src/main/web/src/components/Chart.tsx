import ReactEChartsCoreModule from 'echarts-for-react/lib/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, TitleComponent, DatasetComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// echarts-for-react/lib/core is CommonJS: under the bundler its default export may arrive wrapped.
const ReactEChartsCore = ((ReactEChartsCoreModule as unknown as { default?: typeof ReactEChartsCoreModule }).default ?? ReactEChartsCoreModule);

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, TitleComponent, DatasetComponent, MarkLineComponent, CanvasRenderer]);

/** An ECharts chart (only the parts the dashboard uses are bundled). */
export function Chart({ option, testId, height = 320, label }: { option: EChartsOption; testId: string; height?: number; label: string }) {
  return (
    <div data-testid={testId} role="img" aria-label={label}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge lazyUpdate />
    </div>
  );
}

/**
 * A money figure for a chart: the bar's length is the amount's value, the label and tooltip are the
 * API's own text formatted (so what is read is exact to the fen).
 */
export function moneyPoint(text: string | undefined, format: (v: unknown) => string) {
  return { value: text === undefined ? 0 : Number(text), label: format(text) };
}
