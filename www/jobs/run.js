// Runs a job of a view's meta.js on the page itself, in slices of a few milliseconds per
// animation frame, so the page keeps painting and answering clicks. The worker runs the
// same jobs off the page (client.js); this is the fallback when no worker can start, and
// the tests' reference for "the same numbers wherever it runs".
import { JOBS } from '../views/index.js';
import { guard } from '../engine.js';
import { runSlice } from './slice.js';

const cache = new Map();

/**
 * @param {any} wasm  the engine module
 * @param {string} name  a job of JOBS
 * @param {any} payload
 * @param {(progress: any) => void} onProgress
 * @returns {{cancel: () => void, stop: () => void, done: Promise<{result: any, cancelled: boolean, stopped: boolean}>}}
 */
export function runOnPage(wasm, name, payload, onProgress = () => {}) {
  const spec = JOBS[name];
  let cancelled = false;
  let stopped = false;
  let resolve;
  let reject;
  const done = new Promise((res, rej) => ((resolve = res), (reject = rej)));
  let state;
  try {
    state = guard(() => spec.start(wasm, payload, cache));
  } catch (err) {
    return { cancel() {}, stop() {}, done: Promise.reject(err) };
  }
  // 12 ms of each animation frame, calls of about 3 ms.
  const pace = { chunk: 1, budget: 12, perCall: 3 };
  const frame = () => {
    if (cancelled) return;
    let progress;
    try {
      progress = runSlice(spec, state, pace);
    } catch (err) {
      cancelled = true;
      return reject(err);
    }
    onProgress(progress);
    if (progress.done || stopped) {
      cancelled = true;
      try {
        resolve({ result: guard(() => spec.result(state)), cancelled: false, stopped: !progress.done });
      } catch (err) {
        reject(err);
      }
    } else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return {
    cancel() {
      if (cancelled) return;
      cancelled = true;
      resolve({ result: null, cancelled: true, stopped: false });
    },
    /** Ends after the current slice and hands back what there is. */
    stop() {
      stopped = true;
    },
    done,
  };
}

/** Forgets the engine objects kept between jobs (after an engine restart). */
export function clearPageCache() {
  cache.clear();
}
