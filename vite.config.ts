import { defineConfig } from 'vite';
import { datasetsPlugin } from './scripts/vite-plugin-datasets';

// base './' makes every asset URL relative, so dist/ works from any sub-path
// (or from a file server at /courses/de/) without rebuilding.
export default defineConfig({
  base: './',
  // Serves datasets/ at ./datasets/ in dev and copies its data files into dist/datasets/.
  plugins: [datasetsPlugin()],
  build: {
    target: 'es2023',
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
  // sql.js is imported only inside the SQL worker, which vite's dependency
  // scan does not see; listing it avoids a page reload on the first run in dev.
  optimizeDeps: { include: ['sql.js'] },
});
