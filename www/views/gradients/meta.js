// What the page and its worker know of the gradient lab before its code is fetched: the engine
// module it runs on, the parts a lecturer can hide, its long jobs (jobs/run.js and
// jobs/worker.js run them, as jobs/cache.js describes) and its start-up for the worker to
// run first (jobs/warm.js).
import { cached } from '../../jobs/cache.js';
import { warm } from '../../jobs/warm.js';

/** The engine module (scripts/build-wasm.sh: one per view), its paths written out whole for the bundler. */
export const ENGINE = {
  part: 'lab',
  glue: () => import('../../pkg/lab/rnn_playground.js'),
  url: () => new URL('../../pkg/lab/rnn_playground_bg.wasm', import.meta.url),
};

/** The panels that can be hidden (the template's `data-hide-id`s). */
export const PANELS = ['flow', 'cells', 'spectrum', 'explode', 'race'];

/**
 * One of the lab's runs on the lab of the payload's `lab` settings: started by its method
 * `start` with the payload's `what`, stepped by `step`, each step handing back its view.
 */
const labRun = (what, start, step) => ({
  start(wasm, payload, cache) {
    const g = cached(cache, 'lab', JSON.stringify(payload.lab), () => new wasm.GradientLab(payload.lab));
    return { g, view: g[start](payload[what]) };
  },
  step(s, n) {
    s.view = s.g[step](n);
    return { done: s.view.done, view: s.view };
  },
  result: (s) => s.view,
});

export const JOBS = {
  /** The lab's training run under explosion: {lab, explode}. */
  explode: labRun('explode', 'startExplode', 'explodeStep'),
  /** The memory comparison: {lab, race}. */
  race: labRun('race', 'startRace', 'raceStep'),
};

/** The gradient lab: the selected cell's flow, then the rest it measures when scrolled to. */
export const WARMUP = (wasm, { config, ...page }) =>
  warm(new wasm.GradientLab(config), page, (lab) => {
    lab.view();
    lab.measured();
    for (let i = 0; i < 16 && lab.measureMore(); i++);
  });
