// Long work in slices of a few milliseconds per animation frame, so the page keeps
// painting and answering clicks while a network trains.

/**
 * @param {{total: number, run: (n: number) => any, done?: (r: any) => boolean,
 *          onSlice?: (finished: number, report: any, ms: number) => void,
 *          onEnd?: (report: any, cancelled: boolean) => void, budgetMs?: number}} job
 *   `run(n)` does n units of work and returns a report; `done(report)` may end early.
 * @returns {{cancel: () => void}}
 */
export function runInSlices({ total, run, done = () => false, onSlice = () => {}, onEnd = () => {}, budgetMs = 12 }) {
  let finished = 0;
  let chunk = 1;
  let cancelled = false;
  let last = null;
  let ended = false;
  const frame = () => {
    if (cancelled) return;
    const start = performance.now();
    try {
      while (finished < total && !ended && performance.now() - start < budgetMs) {
        const n = Math.min(chunk, total - finished);
        const t0 = performance.now();
        last = run(n);
        const took = performance.now() - t0;
        finished += n;
        // Grow or shrink the chunk so one call takes about a quarter of the budget.
        chunk = Math.max(1, Math.round(took > 0 ? (n * budgetMs) / (4 * took) : chunk * 2));
        ended = done(last);
      }
    } catch (err) {
      // The job cannot go on; let its owner tidy up, then report the error.
      cancelled = true;
      onEnd(last, true);
      throw err;
    }
    onSlice(finished, last, performance.now() - start);
    if (finished >= total || ended) onEnd(last, false);
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return {
    cancel() {
      if (cancelled) return;
      cancelled = true;
      onEnd(last, true);
    },
  };
}
