// import() and import.meta are syntax, not globals, so lockDown() cannot
// remove them; code that uses either is refused before it compiles. The
// decision is made on a real parse (acorn), not on the text: a string or a
// comment that mentions import( is fine, and no comment form hides a call.
//
// The code is parsed as the engine parses it: as the body of
//   async function anonymous(extract, sql, load, display, console
//   ) {
//   <code>
//   }
// in a script (not a module), where Annex B's HTML-like comments (`<!--`
// anywhere, `-->` at the start of a line) are comments, exactly as in the
// browser's Function constructor. Every node of the tree is visited, so no
// node type can be skipped by a walker that does not know it.
import { parse, type Node } from 'acorn';
import { API_PARAMS } from './api-names';

export type ModuleSyntax =
  | { kind: 'import()'; line: number }
  | { kind: 'import.meta'; line: number }
  /** acorn could not parse what the engine accepted: refused, since it cannot be checked. */
  | { kind: 'unparsed'; line: number; message: string };

const HEAD = `(async function anonymous(${API_PARAMS}\n) {\n`;
const HEAD_LINES = 2;
const TAIL = '\n})';

/**
 * The first import() or import.meta in the learner's code, with its 1-based
 * line; null when there is none. Call it on code the engine compiled: code
 * that does not parse at all is reported as 'unparsed' (fail closed).
 */
export function findModuleSyntax(code: string): ModuleSyntax | null {
  const source = HEAD + code + TAIL;
  let program: Node;
  try {
    program = parse(source, {
      ecmaVersion: 'latest',
      sourceType: 'script',
      locations: true,
      allowHashBang: false,
    });
  } catch (error) {
    const loc = (error as { loc?: { line: number } }).loc;
    return {
      kind: 'unparsed',
      line: Math.max(1, (loc?.line ?? HEAD_LINES + 1) - HEAD_LINES),
      message: error instanceof Error ? error.message : String(error),
    };
  }
  if (!isOnlyTheFunction(program, source)) {
    // The engine parses the body on its own, so this cannot happen for code it
    // compiled; if it ever does, refuse rather than check a different tree.
    return { kind: 'unparsed', line: 1, message: 'the code closes the function it runs in' };
  }
  let found: ModuleSyntax | null = null;
  visit(program, (node) => {
    const line = Math.max(1, (node.loc?.start.line ?? HEAD_LINES + 1) - HEAD_LINES);
    if (node.type === 'ImportExpression') found = earlier(found, { kind: 'import()', line });
    else if (node.type === 'MetaProperty' && (node as unknown as MetaProperty).meta.name === 'import') {
      found = earlier(found, { kind: 'import.meta', line });
    }
  });
  return found;
}

interface MetaProperty {
  meta: { name: string };
}

function earlier(a: ModuleSyntax | null, b: ModuleSyntax): ModuleSyntax {
  return a === null || b.line < a.line ? b : a;
}

/** The tree is one expression statement: the wrapper function, ending where the wrapper ends. */
function isOnlyTheFunction(program: Node, source: string): boolean {
  const body = (program as unknown as { body: Node[] }).body;
  if (body.length !== 1 || body[0].type !== 'ExpressionStatement') return false;
  const fn = (body[0] as unknown as { expression: Node }).expression;
  return fn.type === 'FunctionExpression' && fn.start === 1 && fn.end === source.length - 1;
}

/** Every object with a string `type` below node, whatever its key. */
function visit(node: Node, see: (node: Node) => void): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    const n = value as Record<string, unknown>;
    if (typeof n.type === 'string') see(value as Node);
    for (const key of Object.keys(n)) {
      if (key === 'loc') continue;
      const child = n[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
}
