// The lesson files bundled into the app, by path (lessons/NN-name.md -> text).
// A module of its own so that, in the dev server, saving a lesson replaces only
// this module and main.ts can swap the catalog without reloading the page.
const files = import.meta.glob<string>('/lessons/*.md', { query: '?raw', import: 'default', eager: true });

export const lessonFiles: Record<string, string> = Object.fromEntries(
  Object.entries(files).map(([path, text]) => [path.replace(/^\//, ''), text]),
);
