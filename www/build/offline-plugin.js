// The built site's start-up and offline parts (production build only; `npm start`'s
// development server has none of them):
// - the web app manifest and its icons (installable on a phone);
// - dist/sw.js, the service worker of www/pwa/sw.js with this build's file list and a
//   version made from the files' contents (a new deployment gets a new cache).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const PWA = new URL('../pwa/', import.meta.url).pathname;

export const MANIFEST = {
  name: 'RNN Playground',
  short_name: 'RNN Playground',
  description: 'Watch a recurrent neural network read a sentence one token at a time, with every number it computes on screen.',
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0b4f7c',
  icons: [
    // One small PNG (home screens that take no SVG, the apple-touch-icon), and the SVG for
    // every other size: a 512-pixel PNG would be the site's third-largest file.
    { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
    { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
  ],
};

/** Every file under `dir`, as paths relative to it with '/' separators. */
function listFiles(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

/**
 * Writes `dir`/sw.js for the files in `dir` (all but sw.js itself). The version is a hash
 * of every file's name and content. Returns {version, files}.
 */
export function writeServiceWorker(dir) {
  const files = listFiles(dir)
    .filter((f) => f !== 'sw.js')
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(dir, f)));
  const version = hash.digest('hex').slice(0, 12);
  const source = readFileSync(join(PWA, 'sw.js'), 'utf8')
    // Its comments are for the reader of www/pwa/sw.js, not for every visitor's download.
    .replace(/^\s*\/\/.*\n/gm, '')
    .replace('__VERSION__', version)
    .replace('__FILES__', JSON.stringify(files.map((f) => `./${f}`)));
  writeFileSync(join(dir, 'sw.js'), source);
  return { version, files };
}

export function offlinePlugin() {
  let outDir = 'dist';
  return {
    name: 'rnnp-offline',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'manifest.webmanifest', source: JSON.stringify(MANIFEST, null, 2) });
      for (const name of ['icon-192.png', 'icon.svg']) {
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(join(PWA, name)) });
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tags = [
          { tag: 'link', attrs: { rel: 'manifest', href: './manifest.webmanifest' }, injectTo: 'head' },
          { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icon-192.png' }, injectTo: 'head' },
          { tag: 'meta', attrs: { name: 'theme-color', content: MANIFEST.theme_color }, injectTo: 'head' },
        ];
        return { html, tags };
      },
    },
    writeBundle() {
      writeServiceWorker(outDir);
    },
  };
}
