// Axes as SVG text: tick marks and labels placed by the scales, in currentColor.
import type { Tick, XScale, YScale } from './scales';
import { el, esc, px } from './svg';
import { LEVEL_TOP, TICK_FONT_SIZE, TURN_TOP } from './tick-fit';

function label(tick: Tick, attrs: Record<string, string | number | undefined>, content = esc(tick.label)): string {
  const title = tick.full === undefined ? '' : `<title>${esc(tick.full)}</title>`;
  return el('text', { fill: 'currentColor', ...attrs }, `${title}${content}`);
}

function levelLabel(tick: Tick): string {
  const attrs = { y: LEVEL_TOP, dy: '0.71em', 'text-anchor': 'middle' };
  if (tick.sub === undefined) return label(tick, { x: tick.dx, ...attrs });
  const lines = el('tspan', { x: tick.dx ?? 0 }, esc(tick.label)) + el('tspan', { x: tick.subDx ?? 0, dy: '1.2em' }, esc(tick.sub));
  return label(tick, attrs, lines);
}

/**
 * The x axis along the bottom of a plot of the given size. Where each label goes
 * (moved inwards at the ends, turned, or left out) was settled with the scale.
 */
export function xAxis(scale: XScale, width: number, height: number): string {
  const ticks = scale.ticks.map((tick) => {
    const text = scale.angle === 0
      ? levelLabel(tick)
      : label(tick, { transform: `translate(0,${TURN_TOP}) rotate(${scale.angle})`, dy: '0.32em', 'text-anchor': 'end' }, esc(tick.label));
    return el('g', { class: 'tick', transform: `translate(${px(tick.pos)},0)` }, el('line', { y2: 5, stroke: 'currentColor' }) + text);
  });
  const domain = el('line', { class: 'domain', x2: width, stroke: 'currentColor' });
  return el('g', { class: 'chart-axis chart-axis-x', 'data-kind': scale.kind, transform: `translate(0,${px(height)})`, 'font-size': TICK_FONT_SIZE },
    domain + ticks.join(''));
}

/** The y axis on the left, with faint grid lines across the plot. */
export function yAxis(scale: YScale, width: number): string {
  const ticks = scale.ticks.map((tick) =>
    el('g', { class: 'tick', transform: `translate(0,${px(tick.pos)})` },
      el('line', { class: 'grid', x2: width, stroke: 'currentColor', 'stroke-opacity': '0.12' }) +
      label(tick, { x: -8, dy: '0.32em', 'text-anchor': 'end' })),
  );
  return el('g', { class: 'chart-axis chart-axis-y', 'font-size': TICK_FONT_SIZE }, ticks.join(''));
}
