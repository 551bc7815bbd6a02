import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { datasetsPlugin } from './scripts/vite-plugin-datasets';
import { offlineBuild } from './scripts/vite-plugin-offline';

// What the service worker precaches (the app shell) and what it caches on first use.
const offline = offlineBuild();

// base './' makes every asset URL relative, so dist/ works from any sub-path
// (or from a file server at /courses/de/) without rebuilding.
export default defineConfig({
  base: './',
  plugins: [
    // Serves datasets/ at ./datasets/ in dev and copies its data files into dist/datasets/.
    datasetsPlugin(),
    offline.plugin,
    // The service worker (src/sw.ts -> dist/sw.js). vite-plugin-pwa runs Workbox's
    // injectManifest after the app's build; the manifest and icons live in public/.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: false,
      devOptions: { enabled: false },
      injectManifest: {
        // Every file is listed; the transform keeps the shell and lists the rest in offline-files.json.
        globPatterns: ['**/*'],
        maximumFileSizeToCacheInBytes: 64 * 1024 * 1024,
        manifestTransforms: [offline.transform],
      },
    }),
  ],
  build: {
    target: 'es2023',
    chunkSizeWarningLimit: 4096,
  },
  worker: { format: 'es' },
  // sql.js is imported only inside the SQL worker, which vite's dependency
  // scan does not see; listing it avoids a page reload on the first run in dev.
  optimizeDeps: { include: ['sql.js'] },
});
