// Runs the page's long jobs in a Web Worker (worker.js) that owns its own engine, so
// the page keeps answering while it trains. If no worker can start (an old browser, a
// failed load), jobs run on the page in slices (run.js) and `onFallback` says so.
//
// Before a view is built, the worker runs the view's start-up on a throw-away object
// (warm.js), so the engine's code is compiled there and not on the page.
//
// A run is {cancel(), stop(), done}: `cancel` drops the job (the settings it used
// changed), `stop` ends it early and still hands back what it has (the Stop button).
// `done` resolves to {result, cancelled, stopped}.
import { runOnPage } from './run.js';
import { JOBS } from '../views/index.js';
import { compiledEngine, loadEngine, loadedEngine } from '../engine.js';

/**
 * The longest a view waits for its warm-up (a phone's worker may still be starting): then
 * it is built anyway, and compiles what the worker has not.
 */
const WARM_WAIT = 1500;

/**
 * @param {{script: string, onFallback?: (reason: string) => void}} options  `script`: the
 *   page's own script (main.js), which the worker runs
 */
export function createJobRunner({ script, onFallback = () => {} }) {
  let worker = null;
  let fallback = false;
  let nextId = 1;
  const pending = new Map();
  /** part → Promise: true once the worker has that engine module, false if jobs run here. */
  const parts = new Map();
  /** part → resolve of the promise above, until the worker answers. */
  const waiting = new Map();

  function useFallback(reason) {
    if (fallback) return;
    fallback = true;
    worker?.terminate();
    worker = null;
    onFallback(reason);
  }

  function failed(reason) {
    // Jobs already sent are lost with the worker: they end in an error.
    for (const [, p] of pending) p.reject(new Error(reason));
    pending.clear();
    useFallback(reason);
    for (const resolve of waiting.values()) resolve(false);
    waiting.clear();
  }

  /** The worker, started once; null if none can start. */
  function startWorker() {
    if (worker || fallback) return worker;
    if (typeof Worker !== 'function') {
      useFallback('no worker');
      return null;
    }
    try {
      worker = new Worker(script, { type: 'module', name: 'rnnp-jobs' });
    } catch (err) {
      useFallback(String(err?.message || err));
      return null;
    }
    worker.onerror = (e) => {
      e.preventDefault?.();
      failed(e.message || 'the worker could not start');
    };
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') {
        waiting.get(data.part)?.(true);
        return waiting.delete(data.part);
      }
      if (data.type === 'failed') return failed(data.message);
      // The warm-up saves time only; a mistake in it is said where the tests look.
      if (data.type === 'warmFailed') return console.error(`the worker's warm-up of ${data.part} failed:`, data.message);
      const p = pending.get(data.id);
      if (!p) return;
      if (data.type === 'progress') p.onProgress(data.progress);
      else if (data.type === 'done') {
        pending.delete(data.id);
        p.resolve({ result: data.result, cancelled: false, stopped: data.stopped });
      } else if (data.type === 'error') {
        pending.delete(data.id);
        const err = new Error(data.error.message);
        err.name = data.error.name;
        if (data.error.detail) err.detail = data.error.detail;
        p.reject(err);
      }
    };
    return worker;
  }

  /**
   * Resolves true once the worker has `part`'s engine module (the page's compiled code,
   * so it is compiled once), false if jobs run on the page; rejects if the page cannot
   * load that module itself.
   */
  function ready(part) {
    if (!parts.has(part)) {
      const p = loadEngine(part).then(
        () => {
          if (!startWorker()) return false;
          return new Promise((resolve) => {
            waiting.set(part, resolve);
            worker.postMessage({ type: 'init', part, module: compiledEngine(part) });
          });
        },
        (err) => {
          parts.delete(part);
          throw err;
        },
      );
      parts.set(part, p);
    }
    return parts.get(part);
  }

  function runInWorker(name, part, payload, onProgress) {
    const id = nextId++;
    let settled = false;
    let resolve;
    let reject;
    const done = new Promise((res, rej) => ((resolve = res), (reject = rej)));
    let local = null; // the fallback's run, if the worker turned out not to start
    // The worker reports every few tens of milliseconds; the page shows the latest report
    // once per frame, however many arrived.
    let latest = null;
    let frame = 0;
    const showLatest = () => {
      frame = 0;
      const p = latest;
      latest = null;
      if (p && !settled) onProgress(p);
    };
    const entry = {
      onProgress: (p) => {
        latest = p;
        frame ||= requestAnimationFrame(showLatest);
      },
      resolve: (v) => {
        if (settled) return;
        // A report still waiting for its frame is older than the result: it is dropped.
        cancelAnimationFrame(frame);
        settled = true;
        resolve(v);
      },
      reject: (e) => !settled && ((settled = true), reject(e)),
    };
    pending.set(id, entry);
    let stopAsked = false;
    ready(part).then(
      (ok) => {
        if (settled) return pending.delete(id);
        // (The worker may have failed since it said it was ready: then the page runs it.)
        if (ok && worker) {
          worker.postMessage({ type: 'start', id, name, payload });
          if (stopAsked) worker.postMessage({ type: 'stop', id });
        } else {
          pending.delete(id);
          local = runOnPage(loadedEngine(part), name, payload, onProgress);
          if (stopAsked) local.stop();
          local.done.then(entry.resolve, entry.reject);
        }
      },
      (err) => {
        pending.delete(id);
        entry.reject(err);
      },
    );
    return {
      cancel() {
        if (settled) return;
        if (local) local.cancel();
        else worker?.postMessage({ type: 'cancel', id });
        pending.delete(id);
        entry.resolve({ result: null, cancelled: true, stopped: false });
      },
      stop() {
        if (settled) return;
        stopAsked = true;
        if (local) local.stop();
        else worker?.postMessage({ type: 'stop', id });
      },
      done,
    };
  }

  /**
   * Runs the start-up of `part`'s view in the worker first (warm.js), so the page finds
   * the engine's code compiled; resolves when it has, or after `WARM_WAIT` ms, or at once
   * without a worker. Never rejects: the page builds its view either way. Without a
   * `payload`, only what every module's start-up calls (the worker does it on 'init').
   */
  function warmUp(part, payload = null) {
    if (fallback) return Promise.resolve();
    return new Promise((resolve) => {
      const id = nextId++;
      const finish = () => {
        clearTimeout(timer);
        pending.delete(id);
        resolve();
      };
      const timer = setTimeout(finish, WARM_WAIT);
      pending.set(id, { onProgress() {}, resolve: finish, reject: finish });
      ready(part).then((ok) => (ok && worker && payload ? worker.postMessage({ type: 'warm', id, part, payload }) : finish()), finish);
    });
  }

  return {
    /** Starts the worker (its script loads while the engine downloads). */
    start: () => void startWorker(),
    warmUp,
    /** Where jobs run now: 'worker', or 'page' after a fallback. */
    where: () => (fallback ? 'page' : 'worker'),
    run(name, payload, onProgress = () => {}) {
      const part = JOBS[name]?.part;
      if (fallback) return runOnPage(loadedEngine(part), name, payload, onProgress);
      return runInWorker(name, part, payload, onProgress);
    },
  };
}
