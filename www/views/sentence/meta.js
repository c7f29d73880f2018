// What the page and its worker know of the sentence view before its code is fetched: the engine
// module it runs on, the parts a lecturer can hide, its long jobs (jobs/run.js and
// jobs/worker.js run them, as jobs/cache.js describes) and its start-up for the worker to
// run first (jobs/warm.js).
import { cached, cachedWhere } from '../../jobs/cache.js';
import { warm } from '../../jobs/warm.js';

/** The engine module (scripts/build-wasm.sh: one per view), its paths written out whole for the bundler. */
export const ENGINE = {
  part: 'sentence',
  glue: () => import('../../pkg/sentence/rnn_playground.js'),
  url: () => new URL('../../pkg/sentence/rnn_playground_bg.wasm', import.meta.url),
};

/** The panels that can be hidden (the template's `data-hide-id`s). */
export const PANELS = ['forward', 'prediction', 'backward', 'bptt', 'chart-hidden', 'chart-units', 'chart-loss', 'chart-grad', 'text', 'train', 'gradcheck', 'model'];

export const JOBS = {
  sentenceTrain: {
    start(wasm, { config, from, epochs, weights = null }, cache) {
      if (weights) {
        // The same opened file, trained on from where the page is: the cached network (and
        // its optimiser's state) goes on; anything else starts from the page's weights.
        const pg = cached(cache, 'sentence', `file:${weights.file.id}:${JSON.stringify(config)}`, () => new wasm.Playground(config));
        if (pg.losses().length !== weights.losses.length) pg.adopt(weights.params, weights.losses);
        return { pg, catchUp: 0, left: epochs, total: epochs, done: 0, report: null };
      }
      // Not where the page is: start again from the seed (and catch up to `from`).
      const pg = cachedWhere(cache, 'sentence', JSON.stringify(config), () => new wasm.Playground(config), (p) => p.losses().length === from);
      const had = pg.losses().length;
      return { pg, catchUp: from - had, left: epochs, total: from - had + epochs, done: 0, report: null };
    },
    step(s, n) {
      const k = Math.min(n, s.catchUp > 0 ? s.catchUp : s.left);
      if (k > 0) {
        s.report = s.pg.train(k);
        if (s.catchUp > 0) s.catchUp -= k;
        else s.left -= k;
        s.done += k;
      }
      const stopped = Boolean(s.report?.diverged);
      return { done: stopped || (s.catchUp === 0 && s.left === 0), finished: s.done, total: s.total, epochs: s.pg.losses().length, report: s.report };
    },
    result(s) {
      return { params: new Float32Array(s.pg.params()), losses: new Float32Array(s.pg.losses()), report: s.report };
    },
  },

  /** The gradient check of given weights: {config, params}. */
  gradcheck: {
    start(wasm, { config, params }) {
      const pg = new wasm.Playground(config);
      pg.adopt(params, new Float32Array(0));
      return { pg, report: pg.startGradcheck() };
    },
    step(s, n) {
      s.report = s.pg.gradcheckStep(Math.min(n, 2000));
      return { done: s.report.checked >= s.report.planned, report: s.report };
    },
    result(s) {
      const report = s.report;
      s.pg.free();
      return report;
    },
  },
};

/**
 * The sentence view: a network and what the view reads of it (at the moment a link
 * names), a step, and an epoch (the speed readout's).
 */
export const WARMUP = (wasm, { config, pos = 0, back = 0, ...page }) =>
  warm(new wasm.Playground(config), page, (pg) => {
    pg.info();
    if (pos > 0 || back > 0) pg.goTo(pos, back);
    pg.position();
    pg.current();
    pg.lastBack();
    pg.sentenceLoss();
    pg.step();
    pg.train(1);
  });
