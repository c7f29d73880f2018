// What the page and its worker know of the series view before its code is fetched: the engine
// module it runs on, the parts a lecturer can hide, its long jobs (jobs/run.js and
// jobs/worker.js run them, as jobs/cache.js describes) and its start-up for the worker to
// run first (jobs/warm.js).
import { cached } from '../../jobs/cache.js';
import { warm } from '../../jobs/warm.js';

/** The engine module (scripts/build-wasm.sh: one per view), its paths written out whole for the bundler. */
export const ENGINE = {
  part: 'series',
  glue: () => import('../../pkg/series/rnn_playground.js'),
  url: () => new URL('../../pkg/series/rnn_playground_bg.wasm', import.meta.url),
};

/** The panels that can be hidden (the template's `data-hide-id`s). */
export const PANELS = ['series-train', 'code'];

export const JOBS = {
  /** The series view's training: {config}, from the start. */
  seriesTrain: {
    start(wasm, { config }, cache) {
      cache.get('series')?.value.free();
      cache.delete('series');
      const lab = cached(cache, 'series', JSON.stringify(config), () => new wasm.SeriesLab(config));
      return { lab, progress: lab.progress() };
    },
    step(s, n) {
      s.progress = s.lab.trainBatches(n);
      return { done: s.progress.done, progress: s.progress };
    },
    result(s) {
      return { params: new Float32Array(s.lab.params()), progress: s.progress };
    },
  },
};

/** The series view: its network and the code it shows. */
export const WARMUP = (wasm, { config, ...page }) =>
  warm(new wasm.SeriesLab(config), page, (lab) => {
    lab.kerasCode();
    lab.rustCode();
    lab.commandLine();
  });
