// The lesson layer's public surface: parse a lesson file into a typed Lesson.
export * from './types';
export { parseLesson } from './parse';
export { lessonOrderFromFile } from './file-name';
export { CELL_ATTRIBUTES, COMPANION_ATTRIBUTES, type AttributeSpec } from './attributes';
export { CHECK_KINDS } from './checks';
