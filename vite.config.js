// Vite builds the static site into dist/ with relative paths (base './'), so it works
// from any sub-path and from `python3 -m http.server`.
import { defineConfig } from 'vite';
import { formulasPlugin } from './www/build/formulas-plugin.js';
import { cspPlugin } from './www/build/csp-plugin.js';
import { offlinePlugin } from './www/build/offline-plugin.js';
import { bootPlugin } from './www/build/boot-plugin.js';

export default defineConfig({
  base: './',
  publicDir: false,
  plugins: [formulasPlugin(), bootPlugin(), cspPlugin(), offlinePlugin()],
  // The jobs' worker (www/jobs/worker.js) is an ES module, like the page.
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    target: 'es2022',
    assetsInlineLimit: 0,
    reportCompressedSize: true,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
