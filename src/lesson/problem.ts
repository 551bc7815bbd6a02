import type { LessonIssue } from './types';

/** A problem found by one stage of the parser; parse.ts adds the file name. */
export type Problem = Omit<LessonIssue, 'file'>;
