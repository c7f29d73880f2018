// The page: reads the settings from the URL, loads the engine, shows one view at a time,
// and keeps the language, the URL, the history and the views in step.
import { browserLanguage, setLanguage, t, translatePage, language } from './i18n.js';
import { afterTwoFrames, showSkeleton } from './ui/view.js';
import { askForReloadIfDeployed } from './ui/stale.js';
import { PAGE_PROPS, PROPS, addProps, createStore, defaults, fromSchema, isSetting, parseQuery, prop, toQuery } from './state.js';
import { hideNames } from './ui/hide.js';
import { mountClassroom } from './ui/classroom.js';
import { guard, loadEngine, loadedEngine, onEngineProgress, onEngineReset } from './engine.js';
import { initBanners, showNotice } from './ui/banner.js';
import { refreshControls } from './ui/controls.js';
import { runOnPage, clearPageCache } from './jobs/run.js';
import { createJobRunner } from './jobs/client.js';
import { JOBS, VIEW_NAMES, VIEW_PARTS, viewNamed } from './views/index.js';
import { startWorker } from './jobs/worker.js';
import { registerOffline } from './offline.js';
import { CHAPTERS, chapterOnly, chapterState } from './lesson/chapters.js';

/**
 * A view mounted once its code and its engine module (engine.js: one per view) have
 * arrived, with the same contract meanwhile (`ready` resolves once the real view is ready).
 */
function whenLoaded(name) {
  return (root, store, page) => {
    let inner = null;
    const ready = Promise.all([viewNamed(name).code(), loadEngine(VIEW_PARTS[name])]).then(([m, wasm]) => {
      inner = m.mount(root, store, wasm, page);
      return inner.ready;
    });
    return {
      ready,
      flush: () => inner?.flush(),
      print: () => inner?.print(),
      relabel: () => inner?.relabel(),
      get openFile() {
        return inner?.openFile ?? null;
      },
      get debug() {
        return inner?.debug ?? {};
      },
    };
  };
}

/**
 * Every view is its own file, fetched when it is first shown (with its texts): a link to
 * one view downloads only that view's code.
 */
const MOUNTS = Object.fromEntries(VIEW_NAMES.map((name) => [name, whenLoaded(name)]));
/** The templates shown before the engine has loaded (each comes with its view's file). */
const TEMPLATES = Object.fromEntries(VIEW_NAMES.map((name) => [name, async () => (await viewNamed(name).code()).TEMPLATE]));

/** The document's title and description in the page's language. */
function translateDocument() {
  translatePage();
  // The language button shows the other language's name, in that language.
  document.querySelector('[data-testid="lang"]')?.setAttribute('lang', language() === 'zh' ? 'en' : 'zh-CN');
  document.title = t('doc.title');
  // The boot script (boot-plugin.js) does this before the first paint; here in case it
  // did not run (the development server's first load, an old browser).
  document.documentElement.classList.add('worded');
  document.querySelector('meta[name=description]')?.setAttribute('content', t('doc.description'));
}

/**
 * Resolves once the view's words are on screen: when the browser reports the page's
 * largest text as painted (where it can say so), else after two frames; at most 2 s (a
 * busy phone can take longer than 600 ms to paint the words, and the engine's download
 * must not start ahead of them; a background tab reports no paint, and waits the 2 s).
 */
function wordsOnScreen() {
  return new Promise((resolve) => {
    const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
    setTimeout(resolve, 2000);
    if (!PerformanceObserver.supportedEntryTypes?.includes('largest-contentful-paint')) return frames();
    new PerformanceObserver((list, observer) => {
      if (list.getEntries().some((e) => e.element?.closest?.('.intro, .lesson'))) {
        observer.disconnect();
        setTimeout(resolve, 0);
      }
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/** The loading line as the engine downloads: how much has come, and the bar's share once the
 * total is known (until then it is indeterminate). The line keeps its size (style.css). */
function showLoading({ received, total }) {
  const line = document.getElementById('loading');
  const bar = line.querySelector('progress');
  const kb = (n) => String(Math.round(n / 1024));
  line.querySelector('span').textContent = total ? t('loading.progress', { got: kb(received), total: kb(total) }) : t('loading.received', { got: kb(received) });
  if (total) bar.value = Math.min(1, received / total);
}

/**
 * A file dropped anywhere on the page goes to `open(file)` (the view on screen), never to
 * the browser, which would leave the page for the file and lose a training run with it.
 */
function catchDrops(open) {
  const files = (e) => e.dataTransfer?.types.includes('Files');
  window.addEventListener('dragover', (e) => files(e) && e.preventDefault());
  window.addEventListener('drop', (e) => {
    if (!files(e)) return;
    e.preventDefault();
    const file = e.dataTransfer.files[0];
    if (file) open(file);
  });
}

async function main() {
  initBanners();
  let openDropped = (file) => showNotice(t('drop.later', { name: file.name }), 'info');
  catchDrops((file) => openDropped(file));
  // The language first (a link's `lang` wins over the browser's), so the loading text is
  // in it; the engine's settings join the table once it has loaded.
  const early = parseQuery(location.search).state;
  setLanguage(early.lang || browserLanguage());
  translateDocument();

  // Only the shown view is in the document (the others wait, detached, with their state),
  // so the test ids of controls that exist in two views never collide, and only its charts
  // are drawn.
  const roots = {};
  for (const name of VIEW_NAMES) {
    roots[name] = Object.assign(document.createElement('section'), { id: `view-${name}`, className: 'view' });
  }
  const main = document.getElementById('main');
  // The view's words and the places of its parts appear at once; the engine's parts fill
  // them when it has loaded.
  // (A link to a chapter alone opens that chapter's view.)
  const linked = chapterOnly(location.search);
  const firstView = linked ? CHAPTERS[linked - 1].view : early.view;
  const first = MOUNTS[firstView] ? firstView : VIEW_NAMES[0];
  // A link to a lesson's chapter: its words first (the lesson's own small file), so the
  // panel is in its place before the view appears below it and nothing moves.
  const previewed = Number(early.lesson);
  if (previewed >= 1 && previewed <= CHAPTERS.length) {
    await import('./lesson/panel.js')
      .then((m) => m.preview(document.getElementById('lesson'), previewed))
      .catch(() => {});
  }
  showSkeleton(roots[first], await TEMPLATES[first]());
  main.append(roots[first]);

  // The engine (the largest file) is fetched once the words are on screen: fetched with
  // them, it shares a slow network with the page's own script and text, and the page
  // shows nothing for longer (see BENCHMARKS.md, "Start-up").
  await wordsOnScreen();
  // Training and the lab's runs go to a worker with its own engine; if none can start,
  // they run here in slices, and the page says so. It starts while the engine downloads,
  // so that it can run the view's start-up before the page does (jobs/warm.js).
  const jobs = createJobRunner({
    script: import.meta.url,
    onFallback: (reason) => {
      console.warn('jobs run on the page:', reason);
      showNotice(t('notice.noWorker'), 'info');
    },
  });
  jobs.start();
  const stopProgress = onEngineProgress(showLoading);
  let wasm;
  try {
    wasm = await loadEngine(VIEW_PARTS[first]);
  } catch (err) {
    const loading = document.getElementById('loading');
    loading.textContent = `${t('loading.failed')} ${String(err?.message || err)}`;
    loading.classList.add('warn');
    await askForReloadIfDeployed(loading, import.meta.url);
    return;
  } finally {
    stopProgress();
  }
  // (The worker calls it first: then its code is compiled when the page calls it.)
  await jobs.warmUp(VIEW_PARTS[first]);
  addProps(fromSchema(wasm.settingsSchema()));
  // `hide=` names panels and the settings that have a control (the engine's, and a few of
  // the page's own; the sentence view's moment has none).
  const props = PROPS.filter((p) => (p.group && !['pos', 'back'].includes(p.name)) || ['speed', 'fixedAxis'].includes(p.name));
  // A setting hidden by its old name (a link handed out before it was renamed) stays hidden.
  const aliases = Object.fromEntries(props.filter((p) => p.alias).map((p) => [p.alias, p.name]));
  addProps([{ ...prop('hide'), values: hideNames(props.map((p) => p.name)), aliases }]);
  const { state, rejected } = parseQuery(location.search);
  // `?lesson=5` alone: the page as Next sets chapter 5 up, and the URL Next writes.
  const chapter = chapterOnly(location.search, isSetting);
  const store = createStore(chapter ? chapterState(chapter, defaults(), state) : state);
  if (rejected.length) showNotice(t('notice.url', { names: rejected.join(', ') }), 'warn');
  if (rejected.length || chapter) history.replaceState(null, '', location.pathname + toQuery(store.get()) + location.hash);
  // The engine's start and the first view's build are separate tasks: neither holds the
  // page for long on a slow phone.
  await new Promise((resolve) => setTimeout(resolve, 0));
  document.getElementById('loading').hidden = true;

  const live = document.getElementById('live');
  const page = {
    announce: (text) => (live.textContent = text),
    jobs,
    // Presenter mode: the charts' words grow with the page's.
    textScale: () => (store.get().present ? 1.35 : 1),
  };
  onEngineReset(({ message }) => {
    clearPageCache();
    showNotice(t('error.restarted', { message: message || t('error.aborted') }), 'warn');
  });

  const mounted = {};
  openDropped = (file) => {
    const view = mounted[store.get().view];
    if (view?.openFile) view.openFile(file);
    else showNotice(t('drop.refused', { name: file.name }), 'warn');
  };
  const classroom = mountClassroom(store, { current: () => mounted[store.get().view] });

  // The lesson: its code and words are loaded when it is first opened.
  const lessonEl = document.getElementById('lesson');
  let lesson = null;
  let lessonModule = null;
  async function openLesson() {
    if (!lesson) {
      lessonModule = await import('./lesson/panel.js');
      lesson ??= lessonModule.mountLesson(lessonEl, store);
      classroom.refreshHidden();
    }
    return lesson;
  }
  const lessonTab = document.querySelector('[data-testid="lesson"]');
  // The chapter last shown: the Lesson button goes back to it.
  let lastChapter = store.get().lesson || 1;
  lessonTab.addEventListener('click', async () => {
    const l = await openLesson();
    if (!store.get().lesson) l.go(lastChapter);
    else lessonEl.scrollIntoView({ block: 'start' });
  });
  const lessonState = (s) => {
    lessonTab.setAttribute('aria-pressed', String(s.lesson > 0));
    if (s.lesson) lastChapter = s.lesson;
  };
  lessonState(store.get());
  if (store.get().lesson) openLesson();

  function show(view) {
    for (const name of Object.keys(roots)) {
      const tab = document.querySelector(`[data-view="${name}"]`);
      if (name === view) tab.setAttribute('aria-current', 'page');
      else tab.removeAttribute('aria-current');
      if (name !== view) roots[name].remove();
    }
    const root = roots[view];
    if (!root.isConnected) main.append(root);
    // A view whose file is still on its way says so (its own words come with it).
    if (!root.hasChildNodes()) {
      const waiting = Object.assign(document.createElement('p'), { className: 'loading', textContent: t('loading.view') });
      waiting.setAttribute('role', 'status');
      root.append(waiting);
    }
    if (!mounted[view]) {
      mounted[view] = MOUNTS[view](root, store, page);
      classroom.refreshHidden();
      // The view shows once its engine object is built (in a task of its own); a view
      // fetched on demand has its parts only then, so what is hidden is applied again.
      return mounted[view].ready.then(
        () => {
          classroom.refreshHidden();
          // Its first screen now, the parts below it after its first chart is drawn: one
          // layout of everything at once was the longest task of the lab's start-up.
          root.dataset.state = 'opening';
          return afterTwoFrames().then(() => {
            root.dataset.state = 'ready';
          });
        },
        (err) => {
          // Its code or its engine did not arrive (the network): said in the view, and
          // tried again when the view is next shown.
          delete mounted[view];
          const failed = Object.assign(document.createElement('p'), { className: 'loading warn', textContent: `${t('loading.failed')} ${String(err?.message || err)}` });
          failed.setAttribute('role', 'status');
          root.replaceChildren(failed);
          askForReloadIfDeployed(failed, import.meta.url);
        },
      );
    }
    // The language (or presenter mode) may have changed while the view was away.
    classroom.refreshHidden();
    mounted[view].relabel();
  }

  for (const b of document.querySelectorAll('[data-view]')) {
    // Another view's tab leaves the lesson: a chapter's words and hidden parts are for its
    // own view (the Lesson button comes back to the chapter).
    b.addEventListener('click', () => {
      const { view, lesson } = store.get();
      store.set(lesson && b.dataset.view !== view ? { view: b.dataset.view, lesson: 0, hide: '' } : { view: b.dataset.view });
    });
    // A pointer over the tab, a finger on it or the keyboard's focus: its file is fetched
    // before the click (once; the browser keeps the module).
    const fetchAhead = () => {
      viewNamed(b.dataset.view)?.code().catch(() => {});
      loadEngine(VIEW_PARTS[b.dataset.view]).catch(() => {});
    };
    for (const type of ['pointerenter', 'touchstart', 'focus']) b.addEventListener(type, fetchAhead, { once: true, passive: true });
  }
  document.querySelector('[data-testid="lang"]').addEventListener('click', () => store.set({ lang: language() === 'zh' ? 'en' : 'zh' }));
  store.subscribe((changed, s) => {
    if (changed.includes('lang')) {
      setLanguage(s.lang);
      translateDocument();
      refreshControls();
      mounted[s.view]?.relabel();
    }
    if (changed.includes('view') && MOUNTS[s.view]) show(s.view);
    if (changed.includes('lesson')) {
      lessonState(s);
      if (s.lesson) openLesson();
    }
  });
  // Back and Forward: the page becomes the state of that entry.
  window.addEventListener('popstate', () => {
    const next = parseQuery(location.search).state;
    if (!next.lang) next.lang = store.get().lang;
    store.replace(next);
  });
  await show(MOUNTS[store.get().view] ? store.get().view : VIEW_NAMES[0]);
  if (import.meta.env.PROD) registerOffline({ onUpdated: () => showNotice(t('notice.updated'), 'info') });
  // For the end-to-end tests: the engine, the store, the mounted views, and the jobs both
  // ways (in the worker, and on the page) to compare their numbers.
  const current = () => loadedEngine(VIEW_PARTS[store.get().view]);
  window.__rnnp = {
    /** The engine module of the view on screen. */
    get wasm() {
      return current();
    },
    engine: (part) => loadEngine(part),
    store,
    views: mounted,
    jobs,
    /** A job run on the page, on its view's engine module (loaded first if it is not yet). */
    runOnPage: (name, payload) => ({ done: loadEngine(JOBS[name].part).then((wasm) => runOnPage(wasm, name, payload).done) }),
    debugPanic: () => guard(() => current().debugPanic()),
    debugOutOfMemory: () => guard(() => current().debugOutOfMemory()),
    /** What printing does first (the tests print with page.pdf, which does not say so). */
    preparePrint: () => classroom.prepareForPrint(),
    openLesson,
    lessonChapters: () => lessonModule,
    /** Lays out and draws everything now, also what is not scrolled to (full-page pictures). */
    drawAll: async () => {
      document.documentElement.classList.add('render-all');
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      Object.values(mounted).forEach((v) => v.flush());
    },
    PAGE_PROPS,
  };
}

// The page, or, in the worker that client.js starts with this same script, the jobs.
if (typeof document === 'undefined') startWorker();
else main();
