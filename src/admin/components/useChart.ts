// A chart's life on a div: init, the option, resize with the window, dispose on change or unmount. Shared by the
// general `EChart` and the tasks dashboard's `BucketChart`, which registers only the bar chart (its own chunk).
import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

/** The ref to put on the chart's div; the chart is drawn again whenever `option` changes. */
export function useChart(option: echarts.EChartsCoreOption) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    chart.setOption(option);
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [option]);
  return ref;
}
