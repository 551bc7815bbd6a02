// The composition root: the only place that knows which engine, which lesson
// files and which data source the browser app uses. Everything below it takes
// them as arguments, so the same runtime runs in Node tests.
import './ui/styles/app.css';
import { buildCatalog } from './lesson/catalog';
import { NotebookRuntime } from './notebook/runtime';
import { createBrowserEngine } from './sql/browser-engine';
import { fetchSource } from './datasets/browser-source';
import { loadDatasets } from './datasets/load';
import type { SessionFactory } from './ui/app/app-shell';
import './ui/app/app-shell';

const lessonFiles = import.meta.glob<string>('/lessons/*.md', { query: '?raw', import: 'default', eager: true });
const catalog = buildCatalog(
  Object.fromEntries(Object.entries(lessonFiles).map(([path, text]) => [path.replace(/^\//, ''), text])),
);

const readDatasetFile = fetchSource();

const openSession: SessionFactory = (lesson) => {
  const engine = createBrowserEngine();
  const runtime = new NotebookRuntime(lesson, {
    engine,
    loadDatasets: async (names, target) => {
      await loadDatasets(target, names, readDatasetFile);
    },
  });
  return { runtime, dispose: () => engine.close() };
};

const app = document.querySelector('dew-app')!;
app.catalog = catalog;
app.openSession = openSession;
