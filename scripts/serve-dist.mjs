// Serves dist/ as a static site under a sub-path (default /rnn-playground/), the way a
// static host (GitHub Pages) would: gzip when the browser accepts it, so the tests and the
// benchmarks see the sizes a student's phone downloads, and relative paths only.
// Usage: node scripts/serve-dist.mjs [port] [sub-path] [folder, default dist/]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json', '.webmanifest', '.txt']);

/**
 * Serves `folder()` (a function, so a test can switch the site to a second build) under
 * `base` on `port`. Resolves to the server once it listens.
 */
export function serveStatic({ port, base = '/rnn-playground/', folder, gzip = true }) {
  // Compressed once per file version, as a host that pre-compresses would serve it.
  const zipped = new Map();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(base)) {
      res.writeHead(url.pathname === '/' || url.pathname === base.slice(0, -1) ? 302 : 404, url.pathname === '/' || url.pathname === base.slice(0, -1) ? { location: base } : {});
      return res.end();
    }
    const root = resolve(folder());
    let path = normalize(join(root, decodeURIComponent(url.pathname.slice(base.length))));
    if (!path.startsWith(root)) return res.writeHead(403).end();
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const { mtimeMs, size } = await stat(path);
      let body = await readFile(path);
      const ext = extname(path);
      const headers = { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding' };
      if (gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        const key = `${path}:${mtimeMs}:${size}`;
        if (!zipped.has(key)) zipped.set(key, gzipSync(body, { level: 9 }));
        body = zipped.get(key);
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] || 4173);
  const base = process.argv[3] || '/rnn-playground/';
  const dir = process.argv[4] || fileURLToPath(new URL('../dist/', import.meta.url));
  await serveStatic({ port, base, folder: () => dir });
  console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`);
}
