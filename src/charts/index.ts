// The chart layer's public API: spec + rows -> SVG, pure functions of their input.
export { CHART_TYPES, type ChartRender, type ChartSpec, type ChartType, type RenderOptions, type Theme } from './types';
export { parseChartSpec, validateSpecAgainst, type SpecParse } from './spec';
export { checkChart } from './check';
export { ChartError } from './errors';
export { renderChart } from './render';
export { suggestChart } from './suggest';
export { svgSize, toStandaloneSvg } from './svg';
export { MAX_POINTS } from './sample';
export { SERIES_COLORS } from './palette';
