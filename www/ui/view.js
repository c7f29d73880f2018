// What every view repeats: its template, translated; its charts (drawn only while the view
// is on screen, again when it is resized or relabelled); its long jobs (cancelled when
// the settings they used change); its status lines; and the engine restart after a trap.
import { translatePage } from '../i18n.js';
import { onEngineReset } from '../engine.js';
import { chartBox, fitCanvas } from './chart.js';
import { statusLines } from './status.js';

/**
 * @param {HTMLElement} root
 * @param {string} template   HTML with data-role and data-i18n attributes
 * @param {{textScale?: () => number}} [options]
 */
export function createView(root, template, { textScale = () => 1 } = {}) {
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
     * A chart in the element with data-role `place`: `draw(canvas, style)` draws it with
     * the engine and returns {table, drawn}; `title()` names it.
     */
    chart(name, { place, testid, height, draw, title }) {
      const box = chartBox(testid, height);
      $(place).append(box.figure);
      charts.set(name, { box, draw, title });
      return box;
    },
    /** Redraws the named charts (all by default), if the view is on screen. */
    redraw(names = [...charts.keys()]) {
      if (!root.isConnected) return;
      for (const name of names) {
        const c = charts.get(name);
        if (!c) continue;
        const scale = fitCanvas(c.box.canvas);
        const data = c.draw(c.box.canvas, { scale, text: textScale() });
        if (data) c.box.show(data, c.title());
      }
    },
    /** A running job (`{cancel()}`), cancelled by `cancelJobs`. */
    track(job) {
      jobs.add(job);
      return job;
    },
    untrack(job) {
      jobs.delete(job);
    },
    cancelJobs() {
      for (const j of [...jobs]) j.cancel();
      jobs.clear();
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
