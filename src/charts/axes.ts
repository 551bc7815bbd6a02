// Axes as SVG text: tick marks and labels placed by the scales, in currentColor.
import { CHAR_WIDTH, type Tick, type XScale, type YScale } from './scales';
import { el, esc, px } from './svg';

function label(tick: Tick, attrs: Record<string, string | number | undefined>): string {
  const title = tick.full === undefined ? '' : `<title>${esc(tick.full)}</title>`;
  return el('text', { fill: 'currentColor', ...attrs }, `${title}${esc(tick.label)}`);
}

/**
 * The x axis along the bottom of a plot of the given size. `room` is the space
 * left and right of the plot; a label that would run past it is shifted inwards.
 */
export function xAxis(scale: XScale, width: number, height: number, room: { left: number; right: number }): string {
  const ticks = scale.ticks.map((tick) => {
    const half = (tick.label.length * CHAR_WIDTH) / 2;
    const min = -room.left + 2 - (tick.pos - half);
    const max = width + room.right - 2 - (tick.pos + half);
    const shift = min > 0 ? min : max < 0 ? Math.max(max, min) : 0;
    return el('g', { class: 'tick', transform: `translate(${px(tick.pos)},0)` },
      el('line', { y2: 5, stroke: 'currentColor' }) +
      label(tick, { x: shift === 0 ? undefined : px(shift), y: 8, dy: '0.71em', 'text-anchor': 'middle' }));
  });
  const domain = el('line', { class: 'domain', x2: width, stroke: 'currentColor' });
  return el('g', { class: 'chart-axis chart-axis-x', 'data-kind': scale.kind, transform: `translate(0,${px(height)})`, 'font-size': 11 },
    domain + ticks.join(''));
}

/** The y axis on the left, with faint grid lines across the plot. */
export function yAxis(scale: YScale, width: number): string {
  const ticks = scale.ticks.map((tick) =>
    el('g', { class: 'tick', transform: `translate(0,${px(tick.pos)})` },
      el('line', { class: 'grid', x2: width, stroke: 'currentColor', 'stroke-opacity': '0.12' }) +
      label(tick, { x: -8, dy: '0.32em', 'text-anchor': 'end' })),
  );
  return el('g', { class: 'chart-axis chart-axis-y', 'font-size': 11 }, ticks.join(''));
}
