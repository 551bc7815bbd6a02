// import() is syntax, not a global, so lockDown() cannot remove it; code that
// uses import() or import.meta is refused before it compiles. The check reads
// the raw text and fails closed: "import(" inside a string or a comment is
// refused too. (A scanner that skipped strings could be fooled, e.g. by a
// regular expression like /'/ that looks like the start of a string.)

// `import` as a word, not a property (`db.import(`; `...import(` is not a
// property), then `(` or `.`, with any whitespace or comments in between.
const DYNAMIC_IMPORT = /(?<![\w$\\])(?<!(?<!\.)\.)import(?:\s|\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)*[(.]/;

/** The 1-based line of the first `import(` or `import.meta` in code; null when there is none. */
export function findDynamicImport(code: string): number | null {
  const match = DYNAMIC_IMPORT.exec(code);
  if (!match) return null;
  let line = 1;
  for (let i = 0; i < match.index; i += 1) if (code.charCodeAt(i) === 10) line += 1;
  return line;
}
