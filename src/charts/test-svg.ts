// Test helpers: read marks back out of an SVG string without a DOM.
// Only for elements that do not nest in themselves (rect, circle, path, text, tspan).

export interface Found {
  attrs: Record<string, string>;
  /** Content between the tags, as SVG text. */
  inner: string;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}

function parseAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[m[1]!] = unescape(m[2]!);
  return attrs;
}

/** Every <tag> whose class list includes `className` (or every <tag> without one). */
export function find(svg: string, tag: string, className?: string): Found[] {
  const re = new RegExp(`<${tag}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${tag}>)`, 'g');
  const out: Found[] = [];
  for (const m of svg.matchAll(re)) {
    const attrs = parseAttrs(m[1]!);
    if (className !== undefined && !(attrs.class ?? '').split(' ').includes(className)) continue;
    out.push({ attrs, inner: m[2] ?? '' });
  }
  return out;
}

/** The tooltip (first <title>) of an element, unescaped. */
export function tooltipOf(found: Found): string {
  const m = /<title>([\s\S]*?)<\/title>/.exec(found.inner);
  return m ? unescape(m[1]!) : '';
}

/** Text content with tags removed, unescaped. */
export function textOf(found: Found): string {
  return unescape(found.inner.replace(/<title>[\s\S]*?<\/title>/g, '').replace(/<[^>]+>/g, ''));
}

export function num(found: Found, attr: string): number {
  const value = found.attrs[attr];
  if (value === undefined) throw new Error(`no ${attr} attribute`);
  return Number(value);
}

/** The vertices of a path made of M and L commands (as d3.line draws with the default curve). */
export function vertices(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** The labels of the ticks on one axis (the y axis comes before the marks, the x axis closes the plot). */
export function tickLabels(svg: string, axis: 'x' | 'y'): string[] {
  const start = svg.indexOf(`class="chart-axis chart-axis-${axis}"`);
  if (start === -1) return [];
  const rest = svg.slice(start);
  const ends = [rest.indexOf('<g class="chart-marks"'), rest.indexOf('</g></g></g>')].filter((i) => i !== -1);
  return find(rest.slice(0, Math.min(...ends)), 'text').map(textOf);
}

type Cell = number | string | null;

/** A ResultSet from plain rows; kinds follow the JavaScript types. */
export function resultOf(columns: string[], rows: Cell[][]) {
  const kind = (v: Cell): string => (v === null ? 'n' : typeof v === 'string' ? 't' : Number.isInteger(v) ? 'i' : 'r');
  return { columns, rows, kinds: rows.map((r) => r.map(kind).join('')) };
}

// Advance widths (em) of DejaVu Sans, the widest of the usual fallback fonts,
// measured in Chromium: tests measure labels in a real font, not with the
// estimate the chart layer itself uses. Other characters count as 1em.
const DEJAVU_CHARS = ' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~…—–−';
const DEJAVU_EM = [
  0.32, 0.4, 0.46, 0.84, 0.64, 0.95, 0.78, 0.28, 0.39, 0.39, 0.5, 0.84, 0.32, 0.36, 0.32, 0.34,
  0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.64, 0.34, 0.34, 0.84, 0.84, 0.84, 0.53,
  1, 0.68, 0.69, 0.7, 0.77, 0.63, 0.58, 0.78, 0.75, 0.3, 0.3, 0.66, 0.56, 0.86, 0.75, 0.79,
  0.6, 0.79, 0.69, 0.63, 0.61, 0.73, 0.68, 0.99, 0.69, 0.61, 0.69, 0.39, 0.34, 0.39, 0.84, 0.5,
  0.5, 0.61, 0.63, 0.53, 0.63, 0.57, 0.35, 0.63, 0.63, 0.28, 0.28, 0.58, 0.28, 0.97, 0.63, 0.55,
  0.63, 0.63, 0.38, 0.52, 0.39, 0.63, 0.59, 0.82, 0.59, 0.59, 0.53, 0.64, 0.34, 0.64, 0.84,
  1, 1, 0.5, 0.84,
];

/** Width of text in DejaVu Sans at the given size, in pixels. */
export function fontWidth(text: string, size = 11): number {
  let em = 0;
  for (const c of text) {
    const i = DEJAVU_CHARS.indexOf(c);
    em += i === -1 ? 1 : DEJAVU_EM[i]!;
  }
  return em * size;
}

export interface XTickLabel {
  /** Tick position in the plot. */
  pos: number;
  /** Horizontal shift of each line from the tick. */
  dx: number[];
  /** Rotation in degrees (0 or negative). */
  angle: number;
  anchor: string;
  /** Lines of text: one, or the <tspan>s. */
  lines: string[];
}

/** The x axis tick labels of a chart, read back from the SVG text. */
export function xTickLabels(svg: string): XTickLabel[] {
  const start = svg.indexOf('class="chart-axis chart-axis-x"');
  if (start === -1) return [];
  const axis = svg.slice(start);
  const re = /<g class="tick" transform="translate\((-?[\d.]+),0\)">[\s\S]*?(<text\b[\s\S]*?<\/text>)/g;
  return [...axis.matchAll(re)].map((m) => {
    const [text] = find(m[2]!, 'text');
    const tspans = find(text!.inner, 'tspan');
    const rotate = /rotate\((-?[\d.]+)\)/.exec(text!.attrs.transform ?? '');
    const x = Number(text!.attrs.x ?? 0);
    return {
      pos: Number(m[1]),
      dx: tspans.length > 0 ? tspans.map((t) => Number(t.attrs.x ?? x)) : [x],
      angle: rotate ? Number(rotate[1]) : 0,
      anchor: text!.attrs['text-anchor'] ?? 'start',
      lines: tspans.length > 0 ? tspans.map(textOf) : [textOf(text!)],
    };
  });
}

const FONT_SIZE = 11;
const LINE_HEIGHT = 1.2 * FONT_SIZE;

/**
 * What is wrong with the x axis labels of a chart, measured in DejaVu Sans:
 * labels that overlap their neighbour (or come closer than 2px), run past the
 * edges of the SVG, or reach down into the axis title. Empty when all is well.
 */
export function xLabelProblems(svg: string): string[] {
  const problems: string[] = [];
  const svgWidth = Number(/<svg\b[^>]*?\bwidth="([\d.]+)"/.exec(svg)![1]);
  const [plotLeft, plotTop] = /class="chart-plot" transform="translate\((-?[\d.]+),(-?[\d.]+)\)"/.exec(svg)!.slice(1).map(Number) as [number, number];
  const axisY = Number(/class="chart-axis chart-axis-x"[^>]*transform="translate\(0,(-?[\d.]+)\)"/.exec(svg)![1]);
  const title = find(svg, 'text', 'chart-axis-label-x')[0];
  const titleTop = title ? num(title, 'y') - 0.8 * FONT_SIZE : Infinity;
  const labels = xTickLabels(svg);
  let bottom = 0;
  // Left and right ends of a level label: the union of its lines.
  const span = (label: XTickLabel): [number, number] => {
    let [l, r] = [Infinity, -Infinity];
    label.lines.forEach((line, j) => {
      const w = fontWidth(line);
      const start = label.pos + label.dx[j]! - (label.anchor === 'start' ? 0 : label.anchor === 'end' ? w : w / 2);
      [l, r] = [Math.min(l, start), Math.max(r, start + w)];
    });
    return [l, r];
  };
  labels.forEach((label, i) => {
    const name = `'${label.lines.join(' / ')}'`;
    if (label.angle === 0) {
      const [l, r] = span(label);
      if (plotLeft + l < 0 || plotLeft + r > svgWidth) {
        problems.push(`${name} runs past the edge of the chart (${(plotLeft + l).toFixed(1)}–${(plotLeft + r).toFixed(1)} of ${svgWidth})`);
      }
      const next = labels[i + 1];
      if (next !== undefined && next.angle === 0) {
        const gap = span(next)[0] - r;
        if (gap < 2) problems.push(`${name} and '${next.lines.join(' / ')}' overlap (gap ${gap.toFixed(1)}px)`);
      }
      bottom = Math.max(bottom, 8 + label.lines.length * LINE_HEIGHT);
    } else {
      const width = fontWidth(label.lines[0]!);
      const rad = (-label.angle * Math.PI) / 180;
      const reach = plotLeft + label.pos + label.dx[0]! - width * Math.cos(rad) - FONT_SIZE * Math.sin(rad);
      if (reach < 0) problems.push(`${name} runs past the left edge of the chart (${reach.toFixed(1)})`);
      const next = labels[i + 1];
      // Turned labels are parallel: what matters is the distance across them.
      if (next !== undefined && (next.pos - label.pos) * Math.sin(rad) < FONT_SIZE) {
        problems.push(`${name} and '${next.lines.join(' / ')}' overlap (turned, ${(next.pos - label.pos).toFixed(1)}px apart)`);
      }
      bottom = Math.max(bottom, 10 + width * Math.sin(rad) + FONT_SIZE * Math.cos(rad));
    }
  });
  if (plotTop + axisY + bottom > titleTop) problems.push(`the tick labels reach into the axis title (${(plotTop + axisY + bottom).toFixed(1)} > ${titleTop.toFixed(1)})`);
  return problems;
}
