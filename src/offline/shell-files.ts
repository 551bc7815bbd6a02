// Which built files make the app shell: what the service worker precaches at
// install, so the home page and every lesson's text open offline after one
// visit. The rest (Monaco and its workers, dataset files) is cached on first
// use, or all at once by "Make the course available offline".
//
// The shell is found from the build's own graph, not from file-name patterns:
// the HTML, the entry chunk and what it imports statically, their CSS, and the
// assets those files name as URLs (the SQL worker, and the sql.js wasm the
// worker names) — but not what they load with import() (Monaco).

/** One output file of the build, as the bundler describes it. */
export interface BuiltFile {
  fileName: string;
  /** Static imports (chunks only). */
  imports?: readonly string[];
  /** import() targets (chunks only): never part of the shell. */
  dynamicImports?: readonly string[];
  /** CSS files the chunk pulls in. */
  css?: readonly string[];
  /** The text of a JS file (chunk, or an asset such as a worker), to find the asset URLs it names. */
  code?: string;
  isEntry?: boolean;
}

/** File names of the app shell, sorted. */
export function shellFiles(files: readonly BuiltFile[], html: readonly string[] = ['index.html']): string[] {
  const byName = new Map(files.map((f) => [baseName(f.fileName), f]));
  const shell = new Set<string>(html);
  const queue = files.filter((f) => f.isEntry);
  const seen = new Set<BuiltFile>();
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    shell.add(file.fileName);
    for (const css of file.css ?? []) shell.add(css);
    const lazy = new Set((file.dynamicImports ?? []).map(baseName));
    const next = [...(file.imports ?? []).map(baseName), ...namedAssets(file.code ?? '', byName, lazy)];
    for (const name of next) {
      const target = byName.get(name);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return [...shell].sort();
}

/** Base names of built files that `code` mentions, other than its lazy imports. */
function namedAssets(code: string, byName: ReadonlyMap<string, BuiltFile>, lazy: ReadonlySet<string>): string[] {
  if (!code) return [];
  const found: string[] = [];
  for (const name of byName.keys()) if (!lazy.has(name) && code.includes(name)) found.push(name);
  return found;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
