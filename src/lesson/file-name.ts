import type { Problem } from './problem';
import { isKebabCase, toKebabCase } from './ids';

// Lessons are ordered by file name so instructors can reorder a course with `git mv`
// and see the order in any file listing.

const LESSON_FILE = /^(\d{2})-(.+)\.md$/;

function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] ?? file;
}

/** The course position from a `NN-name.md` file name, or undefined when there is no NN- prefix. */
export function lessonOrderFromFile(file: string): number | undefined {
  const match = LESSON_FILE.exec(baseName(file));
  return match ? Number(match[1]) : undefined;
}

export function checkFileName(file: string): Problem[] {
  const base = baseName(file);
  const match = LESSON_FILE.exec(base);
  if (!match) {
    const stem = base.replace(/\.[^.]*$/, '').replace(/^\d+-?/, '');
    return [
      {
        line: 1,
        message: `lesson file name '${base}' must look like NN-some-name.md, where NN is its two-digit place in the course — rename it, e.g. to 01-${toKebabCase(stem, 'lesson')}.md`,
      },
    ];
  }
  const name = match[2]!;
  if (!isKebabCase(name)) {
    return [
      {
        line: 1,
        message: `lesson file name '${base}' should be kebab-case after the number — rename it to ${match[1]}-${toKebabCase(name, 'lesson')}.md`,
      },
    ];
  }
  return [];
}
