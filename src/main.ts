// The composition root: the only place that knows which engine, which lesson
// files and which data source the browser app uses. Everything below it takes
// them as arguments, so the same runtime runs in Node tests.
import './ui/styles/app.css';
import { buildCatalog } from './lesson/catalog';
import { NotebookRuntime } from './notebook/runtime';
import { createBrowserEngine } from './sql/browser-engine';
import { JsSandbox } from './sandbox/host';
import { defaultExecutors, exerciseExecutor, jsExecutor } from './notebook/executors';
import { DATASETS } from './datasets/registry';
import { fetchSource } from './datasets/browser-source';
import { loadDatasets } from './datasets/load';
import { openProgressStore } from './progress';
import type { SessionFactory } from './ui/app/app-shell';
import './ui/app/app-shell';

const lessonFiles = import.meta.glob<string>('/lessons/*.md', { query: '?raw', import: 'default', eager: true });
const catalog = buildCatalog(
  Object.fromEntries(Object.entries(lessonFiles).map(([path, text]) => [path.replace(/^\//, ''), text])),
);

const readDatasetFile = fetchSource();

const datasetFiles = [...new Set(DATASETS.map((d) => d.file))];

const openSession: SessionFactory = (lesson) => {
  const engine = createBrowserEngine();
  const sandbox = new JsSandbox({
    engine,
    readText: readDatasetFile,
    files: datasetFiles,
    createWorker: () => new Worker(new URL('./sandbox/worker.ts', import.meta.url), { type: 'module' }),
  });
  const js = jsExecutor((code, options) => sandbox.run(code, options));
  const runtime = new NotebookRuntime(lesson, {
    engine,
    executors: { ...defaultExecutors, js, exercise: exerciseExecutor(js) },
    loadDatasets: async (names, target) => {
      const reports = await loadDatasets(target, names, readDatasetFile);
      return reports.map((r) => ({ name: r.dataset, tables: r.rejectsTable ? [r.table, r.rejectsTable] : [r.table] }));
    },
  });
  return {
    runtime,
    dispose: () => {
      sandbox.stop();
      engine.close();
    },
  };
};

const app = document.querySelector('dew-app')!;
app.catalog = catalog;
app.openSession = openSession;

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
