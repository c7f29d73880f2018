// Vite builds the static site into dist/ with relative paths (base './'), so it works
// from any sub-path and from `python3 -m http.server`.
import { defineConfig } from 'vite';
import { formulasPlugin } from './www/build/formulas-plugin.js';
import { cspPlugin } from './www/build/csp-plugin.js';
import { offlinePlugin } from './www/build/offline-plugin.js';
import { bootPlugin } from './www/build/boot-plugin.js';
import { corporaPlugin } from './www/build/corpora-plugin.js';
import { compileHintsPlugin } from './www/build/compile-hints-plugin.js';
import { existsSync, readdirSync, statSync } from 'node:fs';

/** Each engine module's size, for the loading line's bar (a gzipped download's length is not it). */
function engineBytes() {
  const pkg = new URL('./www/pkg/', import.meta.url);
  const file = (p) => new URL(`./${p}/rnn_playground_bg.wasm`, pkg);
  const parts = existsSync(pkg) ? readdirSync(pkg) : [];
  return Object.fromEntries(parts.filter((p) => existsSync(file(p))).map((p) => [p, statSync(file(p)).size]));
}

export default defineConfig({
  base: './',
  publicDir: false,
  define: { __ENGINE_BYTES__: JSON.stringify(engineBytes()) },
  plugins: [formulasPlugin(), corporaPlugin(), compileHintsPlugin(), bootPlugin(), cspPlugin(), offlinePlugin()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    assetsInlineLimit: 0,
    reportCompressedSize: true,
    // The worker runs this same script (main.js), where there is no document for the
    // polyfill to look at; every browser the page supports preloads modules itself.
    modulePreload: { polyfill: false },
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
