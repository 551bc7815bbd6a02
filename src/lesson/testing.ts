// Lessons for tests, written as a body of cells: the front matter every
// lesson needs is filled in, and a lesson that does not parse fails the test
// with the parser's messages.
import { parseLesson } from './parse';
import { formatIssue, type Lesson } from './types';

export interface TestLessonOptions {
  /** The file name; the lesson id is taken from it (lessons/NN-<id>.md). */
  file?: string;
  datasets?: string[];
}

export function lessonFromBody(body: string, options: TestLessonOptions = {}): Lesson {
  const file = options.file ?? 'lessons/01-test-lesson.md';
  const id = file.replace(/^.*\/\d+-/, '').replace(/\.md$/, '');
  const text = `---
id: ${id}
title: Test
stage: processing
summary: A lesson for tests.
datasets: [${(options.datasets ?? []).join(', ')}]
objectives:
  - test
---
${body}`;
  const parsed = parseLesson(file, text);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  return parsed.lesson;
}
