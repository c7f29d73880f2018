// What every view repeats: its template, translated; its charts (drawn only while the view
// is on screen, again when it is resized or relabelled); its long jobs (cancelled when
// the settings they used change); its status lines; and the engine restart after a trap.
import { translatePage } from '../i18n.js';
import { guard, isEngineError, onEngineReset } from '../engine.js';
import { prop } from '../state.js';
import { chartBox, fitCanvas } from './chart.js';
import { statusLines } from './status.js';
import { setLabel } from './controls.js';
import { showError } from './banner.js';

/**
 * @param {HTMLElement} root
 * @param {string} template   HTML with data-role and data-i18n attributes
 * @param {{textScale?: () => number, engine?: () => any, jobs?: {run: Function}}} [options]
 *   `engine()` is the view's engine object, whose `draw(canvas, style, request)` draws its
 *   charts; `jobs` runs the page's long jobs (a worker)
 */
export function createView(root, template, { textScale = () => 1, engine = () => null, jobs: runner = null } = {}) {
  root.innerHTML = template;
  translatePage(root);
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  const charts = new Map();
  const status = statusLines();
  const jobs = new Set();
  const resetters = [];

  let resizeTimer = 0;
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => view.redraw(), 120);
  }) : null;
  observer?.observe(root);

  const view = {
    root,
    $,
    status,
    /**
     * The view's charts: [name, test id, height, request], each drawn in the element with
     * data-role `chart-<name>`. `request()` is what the engine draws: `{chart: {title, …}}`
     * in the current language.
     */
    charts(list) {
      for (const [name, testid, height, request] of list) {
        const box = chartBox(testid, height);
        $(`chart-${name}`).append(box.figure);
        charts.set(name, { box, request });
      }
    },
    /** The box of the chart `name` (its figure, canvas and table). */
    box(name) {
      return charts.get(name)?.box;
    },
    /** Redraws the named charts (all by default), if the view is on screen. */
    redraw(names = [...charts.keys()]) {
      if (!root.isConnected) return;
      const obj = engine();
      if (!obj) return;
      for (const name of names) {
        const c = charts.get(name);
        if (!c) continue;
        const scale = fitCanvas(c.box.canvas);
        const request = c.request();
        const data = guard(() => obj.draw(c.box.canvas, { scale, text: textScale() }, request));
        c.box.show(data, Object.values(request)[0].title);
      }
    },
    /**
     * Runs the page job `name` (jobs/specs.js). While it runs, `button` (if any) says
     * `busyKey` (pressing it then stops the job: the caller's click handler calls cancel);
     * `progress(p)` gets its reports; `done({result, cancelled})` its end. An error becomes
     * a notice. The job stops with `cancelJobs` (new settings, an engine restart).
     */
    job(name, payload, { button = null, idleKey = '', busyKey = '', progress = () => {}, done = () => {} } = {}) {
      const run = runner.run(name, payload, progress);
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
