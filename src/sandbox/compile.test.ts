import { describe, expect, it } from 'vitest';
import { compile, describeError, formatLearnerError } from './compile';
import { findDynamicImport } from './dynamic-import';

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
  it.each([
    ['await import("https://example.com/x.js")', 1],
    ['const a = 1;\nconst m = await import (url);', 2],
    ['const t = 1;\nimport.meta', 2],
    ['const quote = /\'/; await import("https://example.com/x.js")', 1],
    ['const p = [...import("https://example.com/x.js")];', 1],
    ['await import /* hidden */ ("x")', 1],
    ['await import\n// hidden\n("x")', 1],
    // Fails closed: inside a string or comment is refused too.
    ['console.log("import(x)")', 1],
    ["// import('x')", 1],
  ])('%j -> line %i', (code, line) => {
    expect(findDynamicImport(code)).toBe(line);
    const compiled = compile(code);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.error.message).toMatch(/import\(\) is not available/);
  });

  it.each([['db.import(1)'], ['db?.import(1)'], ['const important = 1; reimport(2)'], ['const imports = [];'], ['"import"']])(
    '%j is not an import',
    (code) => {
      expect(findDynamicImport(code)).toBeNull();
    },
  );
});
