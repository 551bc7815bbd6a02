// A lesson file, parsed. See docs/lesson-format.md for the file format.

export const STAGES = ['foundations', 'ingestion', 'processing', 'storage', 'access'] as const;
export type Stage = (typeof STAGES)[number];

export interface LessonMeta {
  id: string;
  title: string;
  stage: Stage;
  summary: string;
  /** Dataset names from the dataset registry, loaded before the first cell runs. */
  datasets: string[];
  objectives: string[];
  /** Estimated minutes for a learner. */
  minutes?: number;
}

interface CellBase {
  /** Unique within the lesson; stable across edits of the file (used for saved work). */
  id: string;
  /** 1-based line in the lesson file where the cell starts. */
  line: number;
}

export interface MarkdownCell extends CellBase {
  kind: 'markdown';
  /** Markdown source; rendering and sanitizing happen in the UI. */
  source: string;
}

export interface SqlCell extends CellBase {
  kind: 'sql';
  source: string;
}

export interface JsCell extends CellBase {
  kind: 'js';
  source: string;
}

export interface ChartCell extends CellBase {
  kind: 'chart';
  source: string;
}

export type CodeCell = SqlCell | JsCell | ChartCell;
export type Cell = MarkdownCell | CodeCell;
export type CellKind = Cell['kind'];

export interface Lesson extends LessonMeta {
  /** Path of the file as given to the parser, e.g. lessons/01-first-look.md. */
  file: string;
  /** Position in the course, from the NN- prefix of the file name. */
  order: number;
  cells: Cell[];
}

/** One problem in a lesson file, located and phrased so an author can fix it. */
export interface LessonIssue {
  file: string;
  line: number;
  message: string;
}

export type ParseResult =
  | { ok: true; lesson: Lesson }
  | { ok: false; errors: LessonIssue[] };

export function formatIssue(issue: LessonIssue): string {
  return `${issue.file}:${issue.line}: ${issue.message}`;
}
