// One slice of a job: steps for `budget` ms, each call sized so it takes about `perCall`
// ms (the chunk grows or shrinks to fit), so whoever runs the job stays quick to hear a
// stop or to paint. The worker (worker.js) and the page's fallback (run.js) share it.
import { guard } from '../engine.js';

/**
 * @param {{step: (state: any, n: number) => {done: boolean}}} spec  a job of a view's meta.js
 * @param {any} state  what its start gave
 * @param {{chunk: number, budget: number, perCall: number}} pace  kept between slices
 * @returns {{done: boolean}} the last progress
 */
export function runSlice(spec, state, pace) {
  const started = performance.now();
  let progress = null;
  while (performance.now() - started < pace.budget) {
    const t0 = performance.now();
    progress = guard(() => spec.step(state, pace.chunk));
    const took = performance.now() - t0;
    pace.chunk = Math.max(1, Math.round(took > 0 ? (pace.chunk * pace.perCall) / took : pace.chunk * 2));
    if (progress.done) break;
  }
  return progress;
}
