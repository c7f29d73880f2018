// What every view repeats: its template, translated; its charts (drawn only while the view
// is on screen, again when it is resized or relabelled); its long jobs (cancelled when
// the settings they used change); its status lines; and the engine restart after a trap.
//
// Charts are drawn in animation frames, never while the page builds: their sizes come
// from a ResizeObserver (so drawing never forces a layout), several changes in one frame
// draw once, and a frame draws charts for at most about 12 ms, leaving the rest to the
// next (start-up stays in short tasks on a slow phone).
import { language, translatePage } from '../i18n.js';
import { guard, isEngineError, onEngineReset } from '../engine.js';
import { prop } from '../state.js';
import { chartBox, sizeCanvas } from './chart.js';
import { statusLines } from './status.js';
import { setLabel } from './controls.js';
import { showError } from './banner.js';

/**
 * Puts the view's template in `root`, worded in the page's language, unless it is there
 * already (shown while the engine loaded).
 */
export function showSkeleton(root, template) {
  if (root.dataset.words === language()) return;
  root.innerHTML = template;
  translatePage(root);
  root.dataset.words = language();
  // Until the view is mounted, only its introduction shows (style.css).
  if (!root.dataset.state) root.dataset.state = 'skeleton';
}

/**
 * @param {HTMLElement} root
 * @param {string} template   HTML with data-role and data-i18n attributes
 * @param {{textScale?: () => number, engine?: () => any, jobs?: {run: Function}}} [options]
 *   `engine()` is the view's engine object, whose `draw(canvas, style, request)` draws its
 *   charts; `jobs` runs the page's long jobs (a worker)
 */
export function createView(root, template, { textScale = () => 1, engine = () => null, jobs: runner = null } = {}) {
  showSkeleton(root, template);
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const charts = new Map();
  const status = statusLines();
  const jobs = new Set();
  const resetters = [];

  /** Chart names waiting to be drawn, and the frame that will draw them. */
  const pending = new Set();
  let frame = 0;
  const FRAME_BUDGET_MS = 12;

  /** Each canvas's size in device pixels, as the browser laid it out. */
  const sizes = new WeakMap();
  const observer =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          for (const e of entries) {
            const device = e.devicePixelContentBoxSize?.[0];
            const dpr = window.devicePixelRatio || 1;
            const size = device
              ? { width: device.inlineSize, height: device.blockSize, dpr: window.devicePixelRatio || 1 }
              : { width: Math.round(e.contentRect.width * dpr), height: Math.round(e.contentRect.height * dpr), dpr };
            const old = sizes.get(e.target);
            sizes.set(e.target, size);
            if (!old || old.width !== size.width || old.height !== size.height) {
              const name = [...charts].find(([, c]) => c.box.canvas === e.target)?.[0];
              if (name) view.redraw([name]);
            }
          }
        })
      : null;

  /** Draws one chart now, at the size the browser gave its canvas. */
  function drawChart(name, obj) {
    const c = charts.get(name);
    if (!c) return;
    const size = sizes.get(c.box.canvas) ?? (observer ? null : measured(c.box.canvas));
    // Not laid out yet (or hidden): the observer draws it once it has a size.
    if (!size || size.width === 0) return;
    const scale = sizeCanvas(c.box.canvas, size);
    const request = c.request();
    const data = guard(() => obj.draw(c.box.canvas, { scale, text: textScale() }, request));
    c.box.show(data, Object.values(request)[0].title);
  }

  /** Without ResizeObserver: the canvas's size read from the layout. */
  function measured(canvas) {
    const dpr = window.devicePixelRatio || 1;
    const r = canvas.getBoundingClientRect();
    return { width: Math.round(r.width * dpr), height: Math.round(r.height * dpr), dpr };
  }

  /** Draws the pending charts for up to the frame's budget; the rest wait a frame. */
  function flush(budget = FRAME_BUDGET_MS) {
    frame = 0;
    if (!root.isConnected) return;
    const obj = engine();
    if (!obj) return pending.clear();
    const start = performance.now();
    for (const name of [...pending]) {
      if (performance.now() - start > budget) break;
      pending.delete(name);
      drawChart(name, obj);
    }
    if (pending.size) frame = requestAnimationFrame(() => flush());
  }

  const view = {
    root,
    $,
    status,
    /**
     * The view's charts: [name, test id, request], each drawn in the element with
     * data-role `chart-<name>` (whose class sets the height, so the space is there before
     * the chart is). `request()` is what the engine draws: `{chart: {title, …}}`
     * in the current language.
     */
    charts(list) {
      for (const [name, testid, request] of list) {
        const box = chartBox(testid);
        $(`chart-${name}`).append(box.figure);
        charts.set(name, { box, request });
        try {
          observer?.observe(box.canvas, { box: 'device-pixel-content-box' });
        } catch {
          observer?.observe(box.canvas); // a browser without device-pixel boxes
        }
      }
    },
    /** The box of the chart `name` (its figure, canvas and table). */
    box(name) {
      return charts.get(name)?.box;
    },
    /**
     * Redraws the named charts (all by default) in the next frame, if the view is on
     * screen. Several calls in one frame draw each chart once.
     */
    redraw(names = [...charts.keys()]) {
      for (const n of names) if (charts.has(n)) pending.add(n);
      if (pending.size && !frame) frame = requestAnimationFrame(() => flush());
    },
    /** Draws what is waiting now, all of it (the benchmark's step, and the tests). */
    flush() {
      cancelAnimationFrame(frame);
      flush(Infinity);
    },
    /**
     * Runs the page job `name` (jobs/specs.js). While it runs, `button` (if any) says
     * `busyKey` (pressing it then stops the job: the caller's click handler calls cancel);
     * `progress(p)` gets its reports; `done({result, cancelled})` its end. An error becomes
     * a notice. The job stops with `cancelJobs` (new settings, an engine restart).
     */
    job(name, payload, { button = null, idleKey = '', busyKey = '', progress = () => {}, done = () => {}, every = 100 } = {}) {
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
        .then(done)
        .catch(showError)
        .finally(() => {
          jobs.delete(run);
          if (button) setLabel(button, idleKey);
        });
      return run;
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
      return () => {
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
      for (const c of charts.values()) c.box.relabel();
      view.redraw();
    },
  };
  onEngineReset(() => {
    view.cancelJobs();
    for (const fn of resetters) fn();
  });
  return view;
}
