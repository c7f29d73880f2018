// The page's first lines of script, inlined in index.html right after the frame (header,
// notice, loading line; the `rnnp:boot` comment marks the place): they choose
// the language (the link's `lang`, else the browser's, as i18n.js does) and word the
// page's frame in it before the browser lays the page out for the first time. Without
// them the first paint is English and the module then rewords it: a second layout, and on
// a Chinese page a second font to load (a long task on a phone) after the first paint.
//
// The texts come from i18n.js at build time (one source). Until it has run, the frame is
// invisible (style.css, `html:not(.worded)`): a browser may paint the header before the
// parser reaches this script, and the header must not be seen in the wrong language.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LANGUAGES } from '../i18n.js';

const INDEX = new URL('../../index.html', import.meta.url);

/** The keys the frame in index.html uses (data-i18n and data-i18n-label). */
function frameKeys() {
  const html = readFileSync(INDEX, 'utf8');
  const keys = new Set(['doc.title']);
  for (const m of html.matchAll(/data-i18n(?:-label|-title)?="([^"]+)"/g)) keys.add(m[1]);
  return [...keys].sort();
}

/** The inline script's text. */
export function bootScript() {
  const texts = {};
  for (const [lang, dict] of Object.entries(LANGUAGES)) {
    texts[lang] = Object.fromEntries(frameKeys().map((k) => [k, dict[k]]));
  }
  // Plain ES5-level code: it runs before anything else, in any browser that opens the page.
  return `(function () {
  var T = ${JSON.stringify(texts)};
  var q = new URLSearchParams(location.search);
  var asked = q.get('lang');
  ['present', 'embed'].forEach(function (m) { if (q.get(m) === '1' || q.get(m) === 'true') document.documentElement.classList.add(m); });
  var prefs = navigator.languages || [navigator.language];
  var lang = T[asked] ? asked : prefs.some(function (l) { return String(l).toLowerCase().indexOf('zh') === 0; }) ? 'zh' : 'en';
  var t = T[lang];
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t['doc.title'];
  document.querySelectorAll('[data-i18n]').forEach(function (el) { if (t[el.dataset.i18n]) el.textContent = t[el.dataset.i18n]; });
  document.querySelectorAll('[data-i18n-label]').forEach(function (el) { el.setAttribute('aria-label', t[el.dataset.i18nLabel]); });
  document.querySelectorAll('[data-i18n-title]').forEach(function (el) { el.title = t[el.dataset.i18nTitle]; });
  var b = document.querySelector('[data-testid="lang"]');
  if (b) b.setAttribute('lang', lang === 'zh' ? 'en' : 'zh-CN');
  document.documentElement.classList.add('worded');
})();`;
}

/** The built site's name of the script: `assets/boot-<hash of its text>.js` (a new text, a new name). */
export function bootFile() {
  return `assets/boot-${createHash('sha256').update(bootScript()).digest('hex').slice(0, 10)}.js`;
}

/**
 * In the built site the script is a file of its own, loaded where the marker is, so the
 * page has no inline script and its Content-Security-Policy allows scripts from its own
 * origin only (csp-plugin.js). A classic script in the body runs before the first paint
 * of what follows it; the browser's preload scanner fetches it with the stylesheet. On the
 * development server (no policy) it stays inline.
 */
export function bootPlugin() {
  let build = false;
  return {
    name: 'rnnp-boot',
    configResolved(config) {
      build = config.command === 'build';
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const marker = /<!-- rnnp:boot[^>]*-->/;
        if (!marker.test(html)) throw new Error('index.html has no <!-- rnnp:boot --> marker');
        return html.replace(marker, build ? `<script src="./${bootFile()}" vite-ignore></script>` : `<script>${bootScript()}</script>`);
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: bootFile(), source: bootScript() });
    },
  };
}
