// The learner's code as an async function of the ETL API, and errors mapped
// back to the learner's own line numbers.
//
// The code becomes the body of `new AsyncFunction(...API_NAMES, code)`, so
// top-level await works and the body cannot close the function early (the
// constructor parses the body on its own, unlike eval of a wrapper string).
// A `//# sourceURL=learner-cell.js` comment names the code in stack traces;
// the number of lines the engine puts before the body is measured once, by
// compiling a probe that throws on its first line, rather than assumed.
import type { LearnerError } from './protocol';
import { API_NAMES } from './api-names';
import { findModuleSyntax, type ModuleSyntax } from './dynamic-import';
import { SandboxApiError } from './errors';

export { API_NAMES };

export const SOURCE_NAME = 'learner-cell.js';
const SOURCE_URL = `\n//# sourceURL=${SOURCE_NAME}`;

export type LearnerFunction = (...api: unknown[]) => Promise<unknown>;

type FunctionConstructorLike = new (...args: string[]) => (...args: unknown[]) => unknown;

// Captured when this module loads, before lockDown() neuters the constructors.
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor as FunctionConstructorLike;
const SyncFunction = Function as unknown as FunctionConstructorLike;

// Frames in the learner's code: V8 and WebKit print the sourceURL; Firefox
// may print "... > Function:LINE:COL" or "... > eval:LINE:COL".
const FRAME = new RegExp(`(?:${SOURCE_NAME.replace('.', '\\.')}|> Function|> eval):(\\d+):(\\d+)`);

/** Lines the engine puts before the body (2 in V8: "async function anonymous(...\n) {\n"). */
const HEADER_LINES = measureHeader();
/** Same for the line of a SyntaxError, in engines that report one (Firefox, Safari); null elsewhere. */
const SYNTAX_HEADER_LINES = measureSyntaxHeader();

function measureHeader(): number {
  try {
    new SyncFunction(...API_NAMES, `throw new Error('probe');${SOURCE_URL}`)();
  } catch (error) {
    const position = framePosition(error);
    if (position) return position.line - 1;
  }
  return 2;
}

function measureSyntaxHeader(): number | null {
  try {
    new SyncFunction(...API_NAMES, `)${SOURCE_URL}`);
  } catch (error) {
    const line = reportedSyntaxLine(error);
    if (line !== null) return line - 1;
  }
  return null;
}

/** Firefox: lineNumber; Safari: line. V8 gives SyntaxErrors from Function() no position. */
function reportedSyntaxLine(error: unknown): number | null {
  if (error === null || typeof error !== 'object') return null;
  const e = error as { lineNumber?: unknown; line?: unknown };
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  if (typeof e.line === 'number') return e.line;
  return null;
}

function framePosition(error: unknown): { line: number; column: number } | null {
  const stack = error !== null && typeof error === 'object' ? (error as { stack?: unknown }).stack : undefined;
  if (typeof stack !== 'string') return null;
  for (const frame of stack.split('\n')) {
    const match = FRAME.exec(frame);
    if (match) return { line: Number(match[1]), column: Number(match[2]) };
  }
  return null;
}

/** Where in the learner's code `error` (or the call that made it) happened, if anywhere. */
export function learnerPosition(error: unknown): { line: number; column: number } | null {
  const position = framePosition(error);
  if (!position) return null;
  const line = position.line - HEADER_LINES;
  return line >= 1 ? { line, column: position.column } : null;
}

export type Compiled = { ok: true; run: LearnerFunction } | { ok: false; error: LearnerError };

export function compile(code: string): Compiled {
  let run: LearnerFunction;
  try {
    run = new AsyncFunction(...API_NAMES, code + SOURCE_URL) as LearnerFunction;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const located = syntaxErrorLine(code, error);
    return {
      ok: false,
      error: {
        name: 'SyntaxError',
        message: located?.message ?? error.message,
        ...(located ? { line: located.line } : {}),
      },
    };
  }
  // Compiled is not run: the function is dropped unless the parse finds no import.
  const refused = findModuleSyntax(code);
  if (refused !== null) return { ok: false, error: { name: 'SyntaxError', message: refusal(refused), line: refused.line } };
  return { ok: true, run };
}

function refusal(found: ModuleSyntax): string {
  switch (found.kind) {
    case 'import()':
      return 'import() is not available in a js cell: it could load code from the network. Use extract() to read a dataset.';
    case 'import.meta':
      return 'import.meta is not available in a js cell.';
    case 'unparsed':
      return `this code could not be checked for import(), so it does not run (${found.message}).`;
  }
}

/** How many lines of code the prefix search below will try; longer cells get no line for a SyntaxError in V8. */
const PREFIX_SEARCH_LIMIT = 2000;

/**
 * Appended to code that is only compiled, never run: two identifiers in a
 * row never parse, so code that is fine up to its end fails here, with a
 * message that names the marker.
 */
const END_NAME = '__end_of_cell__';
const END_MARK = `\n${END_NAME} ${END_NAME}`;

const INCOMPLETE =
  'The code ends unexpectedly: check that every (, [ and { is closed by a matching ), ] and }, and every string and comment is closed.';

function parseMessage(body: string): string | null {
  try {
    new AsyncFunction(...API_NAMES, body + END_MARK);
  } catch (error) {
    return error instanceof SyntaxError ? error.message : null;
  }
  return null;
}

/**
 * The line of a SyntaxError. Engines that report it are used as they are.
 * V8 reports none for Function(), so the line is found by compiling ever
 * longer prefixes of the code (each followed by END_MARK): the first prefix
 * that fails with the full code's message ends on the bad line; shorter
 * prefixes fail at the marker instead. If the full code only fails at the
 * marker, it is incomplete (an unclosed bracket or string): the last line.
 * Cutting the code inside a multi-line string or call can misfire and name
 * an earlier line; an extra "}" is named at the line after it.
 */
function syntaxErrorLine(code: string, error: SyntaxError): { line: number; message?: string } | null {
  const reported = reportedSyntaxLine(error);
  if (reported !== null && SYNTAX_HEADER_LINES !== null) {
    const line = reported - SYNTAX_HEADER_LINES;
    if (line >= 1) return { line };
  }
  const full = parseMessage(code);
  if (full === null) return null;
  const lines = code.split('\n');
  if (full.includes(END_NAME)) return { line: lastCodeLine(lines), message: INCOMPLETE };
  if (lines.length > PREFIX_SEARCH_LIMIT) return null;
  for (let k = 1; k <= lines.length; k += 1) {
    if (parseMessage(lines.slice(0, k).join('\n')) === full) return { line: k };
  }
  return null;
}

function lastCodeLine(lines: string[]): number {
  for (let i = lines.length - 1; i >= 0; i -= 1) if (lines[i].trim() !== '') return i + 1;
  return 1;
}

/**
 * The learner's error as plain data. Errors of the ETL API carry the line of
 * the call that failed (see withCallSite); others are located by their stack.
 */
export function describeError(error: unknown): LearnerError {
  if (error instanceof Error || (error !== null && typeof error === 'object' && 'message' in error)) {
    const e = error as Error & { callSite?: unknown };
    const position = learnerPosition(e.callSite ?? e) ?? (e.callSite ? learnerPosition(e) : null);
    const api = e instanceof SandboxApiError;
    return {
      name: api ? 'Error' : String(e.name ?? 'Error'),
      message: String(e.message),
      ...(position ? { line: position.line, column: position.column } : {}),
    };
  }
  let shown: string;
  try {
    shown = typeof error === 'string' ? JSON.stringify(error) : String(error);
  } catch {
    shown = 'a value';
  }
  return { name: 'Error', message: `the cell threw ${shown} (throw new Error(...) to get a line number)` };
}

/** "line 3: TypeError: x is not a function", the one-line form the cell shows. */
export function formatLearnerError(error: LearnerError): string {
  const text = error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return error.line === undefined ? text : `line ${error.line}: ${text}`;
}

/**
 * Remembers where the learner called an API function: the error of an
 * awaited request is created later, with no learner frame on its stack.
 */
export function callSite(): Error {
  return new Error('call site');
}

export function withCallSite<T extends Error>(error: T, site: Error): T {
  Object.defineProperty(error, 'callSite', { value: site, enumerable: false });
  return error;
}
