// lessons:check's view of the lesson sanitizer: every construct the app would
// drop from prose or a hint, at its file:line, so an author learns why an
// image did not show or a style did nothing.
import { droppedConstructs, type Sanitize } from './markdown-policy';
import type { Lesson, LessonIssue } from './types';

export function markupIssues(lesson: Lesson, file: string, sanitize: Sanitize): LessonIssue[] {
  const issues: LessonIssue[] = [];
  const report = (line: number, what: string) =>
    issues.push({ file, line, message: `lesson text: dropped ${what}` });
  for (const cell of lesson.cells) {
    if (cell.kind === 'markdown') {
      for (const d of droppedConstructs(cell.source, sanitize)) report(cell.line + d.line - 1, d.what);
    } else if (cell.kind === 'exercise') {
      cell.hints.forEach((hint, i) => {
        // A hint's text starts on the line after its fence.
        for (const d of droppedConstructs(hint, sanitize)) report(cell.lines.hints[i] + d.line, d.what);
      });
    }
  }
  return issues;
}
