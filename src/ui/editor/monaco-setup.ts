// Loaded lazily by code-editor.ts, so a lesson's text shows before Monaco's
// few megabytes arrive. Workers are bundled by vite: nothing loads from a CDN.
import * as monaco from 'monaco-editor';
import { SANDBOX_API_DTS, SANDBOX_API_DTS_URI } from '../../sandbox/api-dts';
import { registerSqlCompletion } from './sql-completion';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import TsWorker from 'monaco-editor/language/typescript/ts.worker.js?worker';

self.MonacoEnvironment = {
  // Only SQL (no language worker), YAML (none) and JavaScript cells exist, so
  // the core editor worker and TypeScript's (for JavaScript) are all we bundle.
  getWorker(_moduleId: string, label: string) {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

// JavaScript cells: IntelliSense for extract/sql/load/display, and top-level
// await accepted (moduleDetection 3 = force: every cell is a module).
monaco.typescript.javascriptDefaults.addExtraLib(SANDBOX_API_DTS, SANDBOX_API_DTS_URI);
monaco.typescript.javascriptDefaults.setCompilerOptions({
  ...monaco.typescript.javascriptDefaults.getCompilerOptions(),
  target: monaco.typescript.ScriptTarget.ESNext,
  allowNonTsExtensions: true,
  checkJs: true,
  moduleDetection: 3,
} as monaco.typescript.CompilerOptions);

// SQL cells: live table and column names; the notebook keeps the schema
// current with setCompletionSchema, even before this module has loaded.
registerSqlCompletion(monaco);

const dark = window.matchMedia('(prefers-color-scheme: dark)');
const applyTheme = () => monaco.editor.setTheme(dark.matches ? 'vs-dark' : 'vs');
dark.addEventListener('change', applyTheme);
applyTheme();

export { monaco };
export type Monaco = typeof monaco;
