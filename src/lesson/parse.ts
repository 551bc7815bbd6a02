import type { Cell, Lesson, LessonIssue, LessonMeta, ParseResult } from './types';
import type { Problem } from './problem';
import { checkFileName, lessonOrderFromFile } from './file-name';
import { readMeta, splitFrontMatter } from './front-matter';
import { readBody } from './body';
import { isKebabCase } from './ids';

/**
 * Parses one lesson file. Never throws on bad input: every problem it can find is
 * returned, located by file and line, so an author can fix them all in one pass.
 */
export function parseLesson(file: string, text: string): ParseResult {
  // A BOM from a Windows editor would otherwise hide the opening ---.
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const problems: Problem[] = [...checkFileName(file)];
  const order = lessonOrderFromFile(file);

  let meta: LessonMeta | undefined;
  let bodyStart: number | undefined;
  const split = splitFrontMatter(lines);
  if (split.ok) {
    const result = readMeta(split.yaml, split.closeLine, idFromFile(file));
    meta = result.meta;
    problems.push(...result.problems);
    bodyStart = split.bodyStart;
  } else {
    problems.push(split.problem);
    bodyStart = split.bodyStart;
  }

  let cells: Cell[] = [];
  if (bodyStart !== undefined) {
    const body = readBody(lines.slice(bodyStart), bodyStart + 1);
    cells = body.cells;
    problems.push(...body.problems);
  }

  if (problems.length > 0 || meta === undefined || order === undefined) {
    // Array.prototype.sort is stable, so problems on one line keep their found order.
    const errors: LessonIssue[] = problems
      .map((problem) => ({ file, ...problem }))
      .sort((a, b) => a.line - b.line);
    return { ok: false, errors };
  }
  const lesson: Lesson = { file, order, ...meta, cells };
  return { ok: true, lesson };
}

function idFromFile(file: string): string | undefined {
  const name = /(?:^|[\\/])\d{2}-([^\\/]+)\.md$/.exec(file)?.[1];
  return name !== undefined && isKebabCase(name) ? name : undefined;
}
