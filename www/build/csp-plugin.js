// The built page's Content-Security-Policy, as a meta tag: scripts from its own files only
// (no inline script: the first-paint script is a file too, see boot-plugin.js), WebAssembly
// compiled from its own files, no other host for anything. Only in the production build
// (Vite's development server injects scripts of its own).

export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

export function cspPlugin() {
  return {
    name: 'rnnp-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${POLICY}">`);
    },
  };
}
