// The composition root: the only place that knows which engine, which lesson
// files and which data source the browser app uses. Everything below it takes
// them as arguments, so the same runtime runs in Node tests.
import './ui/styles/app.css';
import { buildCatalog, type CatalogEntry } from './lesson/catalog';
import { lessonFiles } from './lesson-files';
import { NotebookRuntime } from './notebook/runtime';
import { VariantWorld } from './notebook/variant-world';
import { createBrowserEngine } from './sql/browser-engine';
import { JsSandbox } from './sandbox/host';
import { createPolicyWorker } from './sandbox/blob-worker';
import sandboxWorkerUrl from './sandbox/sandbox-worker.ts?worker&url';
import { defaultExecutors, exerciseExecutor, jsExecutor } from './notebook/executors';
import { DATASETS } from './datasets/registry';
import { fetchSource } from './datasets/browser-source';
import { loadDatasets } from './datasets/load';
import { openProgressStore } from './progress';
import type { SessionFactory } from './ui/app/app-shell';
import './ui/app/app-shell';
import { registerServiceWorker } from './offline/register';
import { noteReadByWorker } from './offline/warm';
import { servedName } from './datasets/served-form';

let shownFiles = lessonFiles;
const catalog = buildCatalog(lessonFiles);

const readDatasetFile = fetchSource();

// The files extract() may read: the same list lessons:check allows (answer keys stay out).
const datasetFiles = [...new Set(DATASETS.filter((d) => !d.hidden).map((d) => d.file))];

const openSession: SessionFactory = (lesson) => {
  const engine = createBrowserEngine();
  const sandbox = new JsSandbox({
    engine,
    readText: readDatasetFile,
    files: datasetFiles,
    // From a blob: URL so the worker inherits the page's CSP (see blob-worker.ts).
    createWorker: () => createPolicyWorker(sandboxWorkerUrl),
  });
  const js = jsExecutor((code, options) => sandbox.run(code, options));
  // The hidden second data set exercises are also checked on: its own engine,
  // opened on the first check; the generator is loaded only then (its own chunk).
  const variantSandboxes: JsSandbox[] = [];
  const readVariant = async (file: string) => (await import('./datasets/variant-source')).variantSource()(file);
  const world = new VariantWorld(lesson, {
    createEngine: createBrowserEngine,
    loadDatasets: async (names, target) => void (await loadDatasets(target, names, readVariant)),
    executors: (variantEngine) => {
      const second = new JsSandbox({ engine: variantEngine, readText: readVariant, files: datasetFiles, createWorker: () => createPolicyWorker(sandboxWorkerUrl) });
      variantSandboxes.push(second);
      return { js: jsExecutor((code, options) => second.run(code, options)) };
    },
  });
  const runtime = new NotebookRuntime(lesson, {
    engine,
    executors: { ...defaultExecutors, js, exercise: exerciseExecutor(js, world.source) },
    // Fetching, parsing and generating all happen in the SQL worker; the page gets progress only.
    loadDatasets: async (names, _target, onProgress) => {
      const base = new URL('datasets/', document.baseURI).href;
      const reports = await engine.load({ names, base }, onProgress);
      for (const r of reports) if (r.file) noteReadByWorker(new URL(servedName(r.file), base).href);
      return reports.map((r) => ({ name: r.dataset, tables: r.rejectsTable ? [r.table, r.rejectsTable] : [r.table] }));
    },
  });
  return {
    runtime,
    dispose: () => {
      sandbox.stop();
      engine.close();
      for (const second of variantSandboxes) second.stop();
      world.close();
    },
  };
};

// Offline use and updates (dist/sw.js); nothing in the dev server.
registerServiceWorker();

const app = document.querySelector('dew-app')!;
app.catalog = catalog;
app.openSession = openSession;

/**
 * In the dev server, a saved lesson file replaces its entry in the catalog;
 * the open lesson reopens from it (saved edits are applied again) and every
 * other entry keeps its object, so an unchanged open lesson keeps its results.
 */
function swapLessons(next: Record<string, string>): void {
  const previous = new Map(app.catalog.map((e) => [e.file, e]));
  app.catalog = buildCatalog(next).map((entry): CatalogEntry => {
    const old = previous.get(entry.file);
    return old && next[entry.file] === shownFiles[entry.file] ? old : entry;
  });
  shownFiles = next;
}

if (import.meta.hot) {
  import.meta.hot.accept('./lesson-files', (module) => {
    if (module) swapLessons((module as unknown as typeof import('./lesson-files')).lessonFiles);
  });
}

// The learner's saved work: lessons open once the store is (it resolves within
// about 3 s even when IndexedDB hangs, then in memory only).
void openProgressStore().then((store) => {
  app.store = store;
  // Write what waits now when the tab goes away: a closed tab runs no more timers.
  addEventListener('pagehide', () => void store.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void store.flush();
  });
  addEventListener('beforeunload', (event) => {
    // Leaving starts here, while the page still runs: the write (which reads the
    // record first) has until the next page arrives, not just the pagehide task.
    void store.flush();
    // Warn only when leaving would lose edits: the browser cannot save them at all.
    const status = store.status;
    if (status.state !== 'memory-only' || status.unsaved === 0) return;
    event.preventDefault();
  });
});
