import { defineConfig } from 'vite';

// base './' makes every asset URL relative, so dist/ works from any sub-path
// (or from a file server at /courses/de/) without rebuilding.
export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
});
