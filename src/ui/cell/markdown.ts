// Lesson prose to safe HTML. A lesson may come from anyone, so everything
// passes through the lesson allow-list (src/lesson/markdown-policy.ts): no
// styles, no forms, nothing remote; external links open in a new tab.
import { Marked } from 'marked';
import { createLessonSanitizer } from '../../lesson/markdown-policy';

const marked = new Marked({ gfm: true, async: false });
const sanitize = createLessonSanitizer(window);

export function renderMarkdown(source: string): string {
  return sanitize(marked.parse(source) as string).html;
}
