// What every view repeats: its template, translated; its charts (drawn only while the view
// is on screen, again when it is resized or relabelled); its long jobs (cancelled when
// the settings they used change); its status lines; and the engine restart after a trap.
// Charts are drawn when ui/drawing.js says (in frames, on screen first, never forcing a
// layout).
import { language, translatePage } from '../i18n.js';
import { guard, isEngineError, onEngineReset } from '../engine.js';
import { prop } from '../state.js';
import { addExportMenu, chartBox, sizeCanvas } from './chart.js';
import { download, slug, tableCsv } from './download.js';
import { chartScheduler } from './drawing.js';
import { statusLines } from './status.js';
import { setLabel } from './controls.js';
import { showError } from './banner.js';

/**
 * The page's font list, for the charts' labels (so a chart is in the page's font, and the
 * browser does not look for a fallback font for each Chinese character): read once per
 * language, as the list changes with it (style.css).
 */
let pageFont = { lang: null, list: undefined };
function chartFont() {
  const lang = document.documentElement.lang;
  if (pageFont.lang !== lang) pageFont = { lang, list: getComputedStyle(document.body).fontFamily };
  return pageFont.list;
}

/** Resolves in a new task: the page paints and answers input in between. */
export function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Resolves in a task after the next two frames (the first laid out, the second drawn), or
 * at once in a tab in the background, which has no frames.
 */
export function afterTwoFrames() {
  return new Promise((resolve) => {
    const done = () => {
      document.removeEventListener('visibilitychange', hidden);
      resolve();
    };
    const hidden = () => document.visibilityState === 'hidden' && done();
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));
    document.addEventListener('visibilitychange', hidden);
    hidden();
  });
}

/**
 * Puts the view's template in `root`, worded in the page's language, unless it is there
 * already (shown while the engine loaded).
 */
export function showSkeleton(root, template) {
  if (root.dataset.words === language()) return;
  root.innerHTML = template;
  // The introduction may say "Press Step": until the engine is here, it says where Step
  // will be (hidden by style.css once the view is mounted).
  const intro = root.querySelector('.stage > .intro');
  if (intro) {
    const waiting = document.createElement('p');
    waiting.className = 'hint waiting';
    waiting.dataset.i18n = 'loading.controls';
    waiting.dataset.testid = 'waiting';
    intro.after(waiting);
  }
  translatePage(root);
  root.dataset.words = language();
  // Until the view is mounted, only its introduction shows (style.css).
  if (!root.dataset.state) root.dataset.state = 'skeleton';
}

/**
 * @param {HTMLElement} root
 * @param {string} template   HTML with data-role and data-i18n attributes
 * @param {{textScale?: () => number, jobs?: {run: Function}}} page   the page's: the type size
 *   of its charts, and `jobs`, which runs its long jobs (a worker)
 * @param {{engine?: () => any, fileTag?: () => string, files?: Record<string, string>}} [options]
 *   `engine()` is the view's engine object, whose `draw(canvas, style, request)` draws its
 *   charts; `files` and `fileTag` name the charts' exported files
 */
export function createView(root, template, page, { engine = () => null, fileTag = () => '', files = {} } = {}) {
  const textScale = page?.textScale ?? (() => 1);
  const runner = page?.jobs ?? null;
  showSkeleton(root, template);
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const charts = new Map();
  const status = statusLines();
  const jobs = new Set();
  const resetters = [];

  /**
   * Draws chart `name` at `size` (device pixels), with the page's texts. False: its
   * `prepare` did a frame's work and the chart waits for another frame (not when `now`).
   */
  function drawChart(name, size, now = true) {
    const obj = engine();
    const c = charts.get(name);
    if (!obj || !c) return;
    if (c.prepare?.({ now }) === false) return false;
    const scale = sizeCanvas(c.box.canvas, size);
    const request = c.request();
    const data = guard(() => obj.draw(c.box.canvas, { scale, text: textScale(), font: chartFont() }, request));
    c.box.show(data, Object.values(request)[0].title);
  }
  const drawing = chartScheduler({ root, draw: drawChart });

  /**
   * A chart's file name: what it shows, then the settings that made it
   * (hidden-state_lstm_seed42_t3.png).
   */
  const fileName = (name, ext) => [files[name] ?? name, fileTag()].filter(Boolean).map(slug).join('_') + `.${ext}`;

  /** The chart as a PNG at twice the resolution of the screen (up to 4× its CSS size). */
  function exportPng(name) {
    const obj = engine();
    const c = charts.get(name);
    const scale = Math.min(4, 2 * (window.devicePixelRatio || 1));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(c.box.canvas.clientWidth * scale);
    canvas.height = Math.round(c.box.canvas.clientHeight * scale);
    c.prepare?.();
    guard(() => obj.draw(canvas, { scale, text: textScale(), font: chartFont() }, c.request()));
    return new Promise((resolve) => canvas.toBlob((blob) => resolve(download(blob, fileName(name, 'png'))), 'image/png'));
  }

  /** The chart as SVG, drawn by the same code as `rnnp plot`'s (its size on screen, in CSS pixels). */
  function exportSvg(name) {
    const obj = engine();
    const c = charts.get(name);
    c.prepare?.();
    const size = { width: c.box.canvas.clientWidth, height: c.box.canvas.clientHeight };
    const svg = guard(() => obj.drawSvg(size.width, size.height, c.request()));
    download(svg, fileName(name, 'svg'), 'image/svg+xml');
  }

  /** The numbers behind the chart (its data table) as CSV. */
  function exportCsv(name) {
    const c = charts.get(name);
    c.prepare?.();
    // The table of the last drawing: drawn now if the chart has not been yet.
    if (!c.box.table()) drawing.drawMeasured([name]);
    download(tableCsv(c.box.table() ?? { columns: [], rows: [] }), fileName(name, 'csv'), 'text/csv');
  }

  const view = {
    root,
    $,
    status,
    /**
     * The view's charts: [name, test id, request, prepare?], each drawn in the element
     * with data-role `chart-<name>` (whose class sets the height, so the space is there
     * before the chart is). `prepare({now})`, if given, runs before each drawing: the place
     * for work only that chart needs (so it is done when the chart is seen, not at
     * start-up); it may do part of it and return false to be called again in the next
     * frame (a frame stays short), unless `now`. `request()` is what the engine draws:
     * `{chart: {title, …}}` in the current language.
     */
    charts(list) {
      for (const [name, testid, request, prepare] of list) {
        const box = chartBox(testid);
        $(`chart-${name}`).append(box.figure);
        charts.set(name, { box, request, prepare });
        box.name(Object.values(request())[0].title);
        // An export that fails (a trap, a refused size) says so in the notice line.
        const safely = (fn) => () => Promise.resolve().then(() => fn(name)).catch(showError);
        addExportMenu(box, testid.replace(/^chart-/, ''), { png: safely(exportPng), svg: safely(exportSvg), csv: safely(exportCsv) });
        drawing.add(name, box.canvas);
      }
    },
    /** The box of the chart `name` (its figure, canvas and table). */
    box(name) {
      return charts.get(name)?.box;
    },
    /**
     * Redraws the named charts (all by default): in the next frame if on screen, else
     * when scrolled to or in idle time (ui/drawing.js).
     */
    redraw(names = [...charts.keys()]) {
      drawing.redraw(names);
    },
    /** Draws what is waiting now, all of it (the benchmark's step, and the tests). */
    flush() {
      drawing.flush();
    },
    /** A printed page: every chart drawn (at its size on screen), every table written. */
    print() {
      drawing.drawMeasured();
      for (const c of charts.values()) c.box.fillTable();
    },
    /**
     * Runs the page job `name` (a view's meta.js). While it runs, `button` (if any) says
     * `busyKey` (pressing it then stops the job: the caller's click handler calls cancel);
     * `progress(p)` gets its reports; `done({result, cancelled})` its end. An error becomes
     * a notice (or goes to `error`). The job stops with `cancelJobs` (new settings, an engine restart).
     */
    job(name, payload, { button = null, idleKey = '', busyKey = '', progress = () => {}, done = () => {}, error = showError, every = 100 } = {}) {
      // Reports at most every `every` ms: a progress bar at ten frames a second looks
      // the same, and leaves a slow phone's main thread free for the student's clicks.
      let last = -Infinity;
      const throttled = (p) => {
        const now = performance.now();
        if (now - last < every) return;
        last = now;
        progress(p);
      };
      const run = runner.run(name, payload, throttled);
      jobs.add(run);
      if (button) setLabel(button, busyKey);
      run.done
        .then((end) => {
          // (The lesson ticks a task that asks for this job: lesson/chapters.js.)
          if (end?.result && !end.cancelled && !end.stopped) document.dispatchEvent(new CustomEvent('rnnp:finished', { detail: { job: name } }));
          return done(end);
        })
        .catch(error)
        .finally(() => {
          jobs.delete(run);
          if (button) setLabel(button, idleKey);
        });
      return run;
    },
    /**
     * Resolves, in a task of its own, once the worker has run this view's start-up
     * (jobs/warm.js: `part`'s warm-up with `payload`, the view's chart requests and the
     * page's font), so that building the view compiles little of the engine on the page.
     */
    warmed(part, payload = {}) {
      const requests = [...charts.values()].map((c) => c.request());
      return Promise.resolve(runner?.warmUp?.(part, { ...payload, charts: requests, font: chartFont() })).then(nextTask);
    },
    cancelJobs() {
      for (const j of [...jobs]) j.cancel();
      jobs.clear();
    },
    /**
     * A builder of the view's engine object from the settings `keys`: `make()` makes it
     * (or, given the old one, updates it). A setting the engine refuses is put back to the
     * last ones that worked (on a first load: the defaults), with a notice; the builder
     * then returns null and the old object stays.
     */
    builder(store, keys, make) {
      let lastGood = null;
      const current = () => Object.fromEntries(keys.map((k) => [k, store.get()[k]]));
      const build = () => {
        try {
          const made = guard(make);
          lastGood = current();
          return made;
        } catch (err) {
          showError(err);
          if (isEngineError(err)) store.set(lastGood ?? Object.fromEntries(keys.map((k) => [k, prop(k).def])));
          return null;
        }
      };
      /** The settings now are those of an object made elsewhere (a network opened from a file). */
      build.adopted = () => {
        lastGood = current();
      };
      return build;
    },
    /**
     * What a view gives the page (main.js): `ready` (its engine object is built), `flush()`
     * (every chart drawn now: tests, screenshots), `print()` (drawn for paper, tables
     * written), `relabel()` (words and charts again, in the current language, then
     * `after()`), and `debug` for the tests.
     */
    mounted({ ready, after = () => {}, openFile = null, debug = {} }) {
      return {
        ready,
        /** Opens a file dropped on the page (null: this view opens none). */
        openFile,
        flush: () => view.flush(),
        print: () => view.print(),
        relabel() {
          view.relabel();
          after();
        },
        debug,
      };
    },
    /** `fn()` rebuilds the view's engine objects after the engine restarted. */
    onReset(fn) {
      resetters.push(fn);
    },
    /** Words everything again in the current language and redraws. */
    relabel() {
      translatePage(root);
      root.dataset.words = language();
      status.refresh();
      for (const c of charts.values()) {
        c.box.relabel();
        c.box.name(Object.values(c.request())[0].title);
      }
      view.redraw();
    },
  };
  onEngineReset(() => {
    view.cancelJobs();
    for (const fn of resetters) fn();
  });
  return view;
}
