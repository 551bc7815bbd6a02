// What lesson Markdown may become: an explicit DOMPurify allow-list, the same
// in the app (src/ui/cell/markdown.ts, with the page's window) and in
// lessons:check (with a jsdom window), so the checker reports exactly what
// the app drops. Why each rule is there: docs/lesson-format.md.
//
// - No <style>, no style= and no class (except the language of a code
//   block): lesson text must not restyle the app or fake its UI.
// - No forms, inputs, buttons, frames, media, <svg>/<math>, <link>, <meta>.
// - src (images): same-origin relative paths, or data:image/*. Nothing remote.
// - href: same-origin relative paths and #anchors; http(s) and mailto links
//   stay links to elsewhere, opened in a new tab with rel="noopener noreferrer".
// URLs are judged with the URL parser, never by matching text.
import { marked as markedDefault, Marked, type Token } from 'marked';
import createDOMPurify, { type Config } from 'dompurify';

const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'b', 'i', 'u', 's', 'del', 'ins',
  'code', 'pre', 'kbd', 'samp', 'var', 'sub', 'sup', 'mark', 'small', 'abbr', 'q', 'cite', 'blockquote',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'caption', 'details', 'summary', 'figure', 'figcaption', 'span', 'div',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'colspan', 'rowspan', 'align', 'start', 'class', 'target', 'rel'];

export const LESSON_PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  // A leading <style> or <link> would otherwise be parsed into <head> and vanish unreported.
  FORCE_BODY: true,
};

/** Where relative URLs are resolved to judge them; any same-origin base works. */
const BASE = 'https://lesson.invalid/course/';
const BASE_ORIGIN = new URL(BASE).origin;

export interface Sanitized {
  html: string;
  /** What was dropped, in words an author understands; empty when nothing was. */
  dropped: string[];
}

export type Sanitize = (html: string) => Sanitized;

type WindowLike = Parameters<typeof createDOMPurify>[0];

/** A sanitizer for lesson HTML over `window` (the page's, or jsdom's in Node). */
export function createLessonSanitizer(window: WindowLike): Sanitize {
  const purify = createDOMPurify(window);
  let reasons: string[] = [];
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const tag = node.nodeName.toLowerCase();
    const name = data.attrName;
    if (name === 'class') {
      // Marked marks a code block's language as class="language-x"; nothing else keeps a class.
      data.keepAttr = tag === 'code' && data.attrValue.split(' ').every((c) => c.startsWith('language-'));
      if (!data.keepAttr) reasons.push(`class="${data.attrValue}" on <${tag}> (lesson text cannot use the app's classes)`);
      return;
    }
    if (name === 'target' || name === 'rel') {
      data.keepAttr = false; // set again below for external links only
      return;
    }
    if (name === 'src' || name === 'href') {
      const verdict = judgeUrl(name, tag, data.attrValue);
      if (verdict !== 'ok' && verdict !== 'external') {
        data.keepAttr = false;
        reasons.push(verdict);
      }
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName.toLowerCase() !== 'a') return;
    const href = node.getAttribute('href');
    if (href !== null && judgeUrl('href', 'a', href) === 'external') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return (html) => {
    reasons = [];
    const clean = purify.sanitize(html, { ...LESSON_PURIFY_CONFIG, RETURN_TRUSTED_TYPE: false }) as unknown as string;
    const dropped = [...reasons];
    for (const item of purify.removed as Array<{ element?: Element; attribute?: Attr | null; from?: Element }>) {
      if (item.element) {
        // DOMPurify's own wrappers (FORCE_BODY adds a <remove> element), not the author's.
        if (item.element.nodeName === 'BODY' || item.element.nodeName === 'REMOVE') continue;
        dropped.push(`<${item.element.nodeName.toLowerCase()}> element (not allowed in lesson text)`);
      } else if (item.attribute && item.from) {
        const name = item.attribute.name;
        if (['class', 'src', 'href', 'target', 'rel'].includes(name)) continue; // explained by the hook, or ours
        dropped.push(`${name}= attribute on <${item.from.nodeName.toLowerCase()}>${name === 'style' ? ' (no inline styles)' : ''}`);
      }
    }
    return { html: clean, dropped: [...new Set(dropped)] };
  };
}

function judgeUrl(name: 'src' | 'href', tag: string, value: string): 'ok' | 'external' | string {
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return `${name}="${value}" on <${tag}> (not a URL)`;
  }
  if (url.origin === BASE_ORIGIN && (url.protocol === 'https:')) return 'ok';
  if (name === 'src') {
    if (tag === 'img' && url.protocol === 'data:' && url.pathname.toLowerCase().startsWith('image/')) return 'ok';
    return `${name}="${value}" on <${tag}> (only same-origin paths and data: images load: nothing remote)`;
  }
  if (tag === 'a' && (url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:')) return 'external';
  return `${name}="${value}" on <${tag}> (links may go to pages, not to ${url.protocol} URLs)`;
}

/** A dropped construct at the line of the Markdown block it came from. */
export interface DroppedConstruct {
  /** 1-based line in `source`. */
  line: number;
  what: string;
}

const checker = new Marked({ gfm: true, async: false });

/**
 * Renders `source` block by block and sanitizes each, so a dropped construct
 * is reported at its block's first line (for lessons:check).
 */
export function droppedConstructs(source: string, sanitize: Sanitize): DroppedConstruct[] {
  const tokens: Token[] = markedDefault.lexer(source, { gfm: true });
  const found: DroppedConstruct[] = [];
  let line = 1;
  for (const token of tokens) {
    if (token.type !== 'space') {
      const html = checker.parser([token] as unknown as Parameters<typeof checker.parser>[0]);
      for (const what of sanitize(html).dropped) found.push({ line: line + leadingNewlines(token.raw), what });
    }
    line += (token.raw.match(/\n/g) ?? []).length;
  }
  return found;
}

function leadingNewlines(raw: string): number {
  let n = 0;
  while (raw[n] === '\n') n += 1;
  return n;
}
