// Lesson prose to safe HTML. Lesson files are trusted more than user input,
// but a lesson may come from anyone, so everything passes through DOMPurify.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, async: false });

export function renderMarkdown(source: string): string {
  const raw = marked.parse(source) as string;
  return DOMPurify.sanitize(raw, { USE_PROFILES: { html: true } });
}
