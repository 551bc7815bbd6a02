// The one entry point: (spec, result) -> SVG text.
import type { ResultSet } from '../sql/types';
import { prepareBars } from './bar';
import { checkChart } from './check';
import { ChartError } from './errors';
import { renderFrame, type Prepared } from './frame';
import { prepareHistogram } from './histogram';
import { prepareLines } from './line';
import { prepareScatter } from './scatter';
import type { ChartRender, ChartSpec, RenderOptions } from './types';

function unreachable(value: never): never {
  throw new Error(`unknown chart type: ${String(value)}`);
}

function prepare(spec: ChartSpec, result: ResultSet): Prepared {
  switch (spec.type) {
    case 'bar':
    case 'grouped-bar':
      return prepareBars(spec, result);
    case 'line':
    case 'area':
      return prepareLines(spec, result);
    case 'scatter':
      return prepareScatter(spec, result);
    case 'histogram':
      return prepareHistogram(spec, result);
    default:
      return unreachable(spec.type);
  }
}

/**
 * Draws the chart as an <svg> string. A pure function of its input.
 * Throws ChartError (with one message per problem) when the spec does not fit
 * the result; call checkChart first to get the messages without a throw.
 */
export function renderChart(spec: ChartSpec, result: ResultSet, options: RenderOptions = {}): ChartRender {
  const errors = checkChart(spec, result);
  if (errors.length > 0) throw new ChartError(errors);
  return renderFrame(spec, prepare(spec, result), options);
}
