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

/**
 * Attributes from a fence's info string, as written: `key=value` pairs and bare
 * flags (`true`). Kept whole on the cell so later cell kinds (exercises) can read
 * their own attributes without a new parser; which keys are allowed per language
 * lives in attributes.ts.
 */
export type CellAttrs = Record<string, string | true>;

interface CodeCellBase extends CellBase {
  /** The code between the fences, without the fence lines and without a trailing newline. */
  source: string;
  /** Every attribute of the opening fence, including `id`. */
  attrs: CellAttrs;
}

export interface SqlCell extends CodeCellBase {
  kind: 'sql';
}

export interface JsCell extends CodeCellBase {
  kind: 'js';
}

export interface ChartCell extends CodeCellBase {
  kind: 'chart';
}

/** Fence languages that become runnable cells; a fence in any other language stays prose. */
export const CELL_LANGUAGES = ['sql', 'js', 'chart'] as const;

export type CodeCell = SqlCell | JsCell | ChartCell;
export type CodeCellKind = CodeCell['kind'];
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
