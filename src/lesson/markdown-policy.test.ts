// The lesson sanitizer's allow-list, in Node over a jsdom window (the app uses
// the page's window with the same configuration).
import { JSDOM } from 'jsdom';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { createLessonSanitizer, droppedConstructs } from './markdown-policy';
import { markupIssues } from './markup-issues';
import { lessonFromBody } from './testing';

const sanitize = createLessonSanitizer(new JSDOM('').window as unknown as Window & typeof globalThis);
const marked = new Marked({ gfm: true, async: false });
const render = (md: string) => sanitize(marked.parse(md) as string);

describe('lesson Markdown sanitizer', () => {
  it.each([
    ['<style>body { display: none }</style>\n\nText', '<style>'],
    ['<p style="position:fixed;inset:0">over the app</p>', 'style='],
    ['<div class="cell-toolbar">fake</div>', 'class="cell-toolbar"'],
    ['<form action="https://evil.test"><input type="password" name="p"><button>Log in</button></form>', '<form>'],
    ['<img src="http://127.0.0.1:9/pixel.gif">', 'only same-origin paths'],
    ['![x](https://evil.test/x.png)', 'only same-origin paths'],
    ['<img src="//evil.test/x.png">', 'only same-origin paths'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript:'],
    ['<iframe src="https://evil.test"></iframe>', '<iframe>'],
    ['<svg><image href="https://evil.test/x.png"/></svg>', '<svg>'],
    ['<link rel="stylesheet" href="https://evil.test/x.css">', '<link>'],
    ['<video src="https://evil.test/v.mp4"></video>', '<video>'],
    ['<div style="background:url(https://evil.test/x)">x</div>', 'style='],
    ['<img src="data:text/html,<b>x</b>">', 'only same-origin paths'],
    ['<a href="x" onclick="alert(1)">x</a>', 'onclick='],
    ['- [ ] a task', '<input>'],
  ])('%j is dropped (%s)', (md, reason) => {
    const out = render(md);
    expect(out.dropped.join(' | ')).toContain(reason);
    expect(out.html).not.toMatch(/<style|style=|<form|<input|<button|evil\.test\/x\.png|127\.0\.0\.1|<iframe|javascript:|onclick/);
  });

  it('keeps same-origin images, data: images, prose, tables and code', () => {
    const out = render('![map](images/map.png) ![dot](data:image/png;base64,iVBORw0KGgo=)\n\n| a |\n|---|\n| 1 |\n\n```sql\nSELECT 1;\n```');
    expect(out.dropped).toEqual([]);
    expect(out.html).toContain('src="images/map.png"');
    expect(out.html).toContain('src="data:image/png;base64,iVBORw0KGgo="');
    expect(out.html).toContain('<table>');
    expect(out.html).toContain('class="language-sql"');
  });

  it('keeps external links as links that open in a new tab without an opener or referrer', () => {
    const out = render('[docs](https://sqlite.org/lang.html) and [lesson](#/lessons/01-first-look-at-rides)');
    expect(out.dropped).toEqual([]);
    expect(out.html).toContain('<a href="https://sqlite.org/lang.html" target="_blank" rel="noopener noreferrer">docs</a>');
    expect(out.html).toContain('<a href="#/lessons/01-first-look-at-rides">lesson</a>');
  });

  it('an author cannot set target or rel themselves', () => {
    const out = render('<a href="page.html" target="_top" rel="opener">x</a>');
    expect(out.html).toBe('<p><a href="page.html">x</a></p>\n');
  });

  it('reports each dropped construct at the line of its block', () => {
    const md = 'Intro line.\n\n<style>p{}</style>\n\nMore.\n\n![x](https://evil.test/p.gif)\n';
    expect(droppedConstructs(md, sanitize)).toEqual([
      { line: 3, what: expect.stringContaining('<style>') },
      { line: 7, what: expect.stringContaining('https://evil.test/p.gif') },
    ]);
  });
});

describe('lessons:check reports dropped lesson text at file:line', () => {
  it('in prose and in a hint', () => {
    // The helper's front matter is lines 1-9; the body starts at line 10.
    const body = [
      'Intro.', '', '<img src="https://tracker.test/p.gif">', '', // 10-13
      '```sql exercise id=e1', 'SELECT 1 AS a;', '```', // 14-16
      '```sql solution for=e1', 'SELECT 1 AS a;', '```', // 17-19
      '```yaml checks for=e1', '- result: {order: exact}', '```', // 20-22
      '```hint for=e1', 'A <span style="color:red">red</span> hint', '```', // 23-25
    ].join('\n');
    const lesson = lessonFromBody(body, { file: 'lessons/99-x.md' });
    const issues = markupIssues(lesson, 'lessons/99-x.md', sanitize);
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [12, expect.stringContaining('https://tracker.test/p.gif')],
      [24, expect.stringContaining('style=')],
    ]);
  });
});
