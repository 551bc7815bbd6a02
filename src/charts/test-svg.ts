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
