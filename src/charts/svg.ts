// Building SVG as text, and the export helpers.
import { THEME_COLORS } from './palette';
import type { Theme } from './types';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A coordinate with at most two decimals, keeping the text short. */
export function px(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

export type Attrs = Record<string, string | number | undefined>;

function attrText(attrs: Attrs): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${name}="${esc(typeof value === 'number' ? px(value) : value)}"`;
  }
  return out;
}

/** An element; `children` is already SVG text (use esc for plain text). */
export function el(name: string, attrs: Attrs, children = ''): string {
  return children === '' ? `<${name}${attrText(attrs)}/>` : `<${name}${attrText(attrs)}>${children}</${name}>`;
}

/** A tooltip: browsers show an element's first <title> child on hover. */
export function tooltip(lines: readonly string[]): string {
  return `<title>${esc(lines.join('\n'))}</title>`;
}

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans KR", sans-serif';

/** The width and height of an <svg> string, from its attributes or else its viewBox. */
export function svgSize(svg: string): { width: number; height: number } {
  const open = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!open) throw new Error('svgSize: the text has no <svg> element');
  const attr = (name: string): number | undefined => {
    const m = new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`).exec(open);
    return m ? Number(m[1]) : undefined;
  };
  const box = /\sviewBox="([^"]+)"/.exec(open)?.[1]?.trim().split(/[\s,]+/).map(Number);
  const width = attr('width') ?? box?.[2];
  const height = attr('height') ?? box?.[3];
  if (width === undefined || height === undefined || !Number.isFinite(width) || !Number.isFinite(height)) {
    throw new Error('svgSize: the <svg> element has neither width/height nor a viewBox');
  }
  return { width, height };
}

/**
 * A self-contained SVG file for download: the xml declaration, colours resolved
 * (CSS variables to their fallbacks, currentColor to the theme's text colour),
 * a background and the font inlined, so it looks the same outside the page.
 */
export function toStandaloneSvg(svg: string, theme: Theme = 'light'): string {
  const colors = THEME_COLORS[theme];
  let out = svg.replace(/var\(--[\w-]+,\s*([^()]+?)\)/g, '$1').replace(/currentColor/g, colors.foreground);
  out = out.replace(/<svg\b([^>]*)>/, (_whole, attrs: string) => {
    let a = attrs;
    if (!/\sxmlns=/.test(a)) a = ` xmlns="${SVG_NS}"${a}`;
    a = a.replace(/\sstyle="[^"]*"/, '').replace(/\sdata-theme="[^"]*"/, '') + ` data-theme="${theme}"`;
    const { width, height } = svgSize(`<svg${attrs}>`);
    const style = `font-family: ${esc(FONT)}; font-size: 12px; color: ${colors.foreground}; background: ${colors.background}`;
    const background = `<rect class="chart-background" width="${px(width)}" height="${px(height)}" fill="${colors.background}"/>`;
    return `<svg${a} style="${style}">${background}`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out}`;
}
