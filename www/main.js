// The page: reads the settings from the URL, loads the engine, shows one view at a time,
// and keeps the language, the URL and the views in step.
import { browserLanguage, setLanguage, t, translatePage, language } from './i18n.js';
import { createStore, parseQuery, toQuery } from './state.js';
import { guard, loadEngine } from './engine.js';
import { initBanners, showBanner, showNotice } from './ui/banner.js';
import { refreshControls } from './ui/controls.js';
import { mountSentence } from './views/sentence/index.js';
import { mountGradients } from './views/gradients/index.js';
import { mountSeries } from './views/series/index.js';

const VIEWS = { sentence: mountSentence, gradients: mountGradients, series: mountSeries };

async function main() {
  initBanners();
  const { state, rejected } = parseQuery(location.search);
  setLanguage(state.lang || browserLanguage());
  translatePage();
  const store = createStore(state);
  if (rejected.length) {
    showNotice(t('notice.url', { names: rejected.join(', ') }), 'warn');
    history.replaceState(null, '', location.pathname + toQuery(store.get()) + location.hash);
  }

  let wasm;
  try {
    wasm = await loadEngine();
  } catch (err) {
    showBanner(String(err?.message || err));
    return;
  }
  document.getElementById('loading').hidden = true;

  const live = document.getElementById('live');
  const page = {
    announce: (text) => (live.textContent = text),
    perf: (text) => (document.getElementById('perf').textContent = text),
  };
  const mounted = {};
  // Only the shown view is in the document (the others wait, detached, with their state),
  // so the test ids of controls that exist in two views never collide.
  const roots = {};
  for (const name of ['sentence', 'gradients', 'series']) {
    roots[name] = document.getElementById(`view-${name}`);
    roots[name].remove();
    roots[name].hidden = false;
  }
  const main = document.getElementById('main');
  function show(view) {
    for (const name of Object.keys(roots)) {
      const tab = document.querySelector(`[data-view="${name}"]`);
      tab.setAttribute('aria-current', name === view ? 'page' : 'false');
      if (name !== view) roots[name].remove();
    }
    const root = roots[view];
    if (!root.isConnected) main.append(root);
    // The speed readout belongs to the sentence view.
    document.getElementById('perf').hidden = view !== 'sentence';
    if (!mounted[view]) mounted[view] = VIEWS[view](root, store, wasm, page);
    else {
      // The language may have changed while the view was away.
      translatePage(root);
      refreshControls();
      mounted[view].relabel();
    }
  }

  for (const b of document.querySelectorAll('[data-view]')) {
    b.addEventListener('click', () => store.set({ view: b.dataset.view }));
  }
  document.querySelector('[data-testid="lang"]').addEventListener('click', () => store.set({ lang: language() === 'zh' ? 'en' : 'zh' }));
  store.subscribe((changed, s) => {
    if (changed.includes('lang')) {
      setLanguage(s.lang);
      translatePage();
      refreshControls();
      mounted[s.view]?.relabel();
    }
    if (changed.includes('view') && VIEWS[s.view]) show(s.view);
  });
  show(VIEWS[store.get().view] ? store.get().view : 'sentence');
  // For the end-to-end tests: the engine and the mounted views.
  window.__rnnp = { wasm, store, views: mounted, debugPanic: () => guard(() => wasm.debugPanic()) };
}

main();
