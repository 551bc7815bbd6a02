import { describe, expect, it } from 'vitest';
import { shellFiles } from './shell-files';

describe('shellFiles', () => {
  const build = [
    { fileName: 'assets/index-a1.js', isEntry: true, imports: ['assets/lit-b2.js'], dynamicImports: ['assets/monaco-setup-c3.js'], css: ['assets/index-d4.css'],
      code: 'new URL("worker-e5.js", import.meta.url); import("./monaco-setup-c3.js")' },
    { fileName: 'assets/lit-b2.js', code: '' },
    { fileName: 'assets/monaco-setup-c3.js', imports: ['assets/editor.api-f6.js'], code: 'new URL("ts.worker-g7.js", import.meta.url)' },
    { fileName: 'assets/editor.api-f6.js', code: '' },
    { fileName: 'assets/ts.worker-g7.js', code: '' },
    { fileName: 'assets/worker-e5.js', code: 'locateFile: () => "sql-wasm-h8.wasm"' },
    { fileName: 'assets/sql-wasm-h8.wasm' },
    { fileName: 'assets/index-d4.css' },
  ];

  it('holds the page, the entry, its static imports and CSS, and the assets they name (workers, wasm)', () => {
    expect(shellFiles(build)).toEqual([
      'assets/index-a1.js', 'assets/index-d4.css', 'assets/lit-b2.js', 'assets/sql-wasm-h8.wasm', 'assets/worker-e5.js', 'index.html',
    ]);
  });

  it('leaves out what the entry loads with import() and all that that pulls in (Monaco)', () => {
    const shell = shellFiles(build);
    for (const lazy of ['assets/monaco-setup-c3.js', 'assets/editor.api-f6.js', 'assets/ts.worker-g7.js']) expect(shell).not.toContain(lazy);
  });
});
