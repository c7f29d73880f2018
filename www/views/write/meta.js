// What the page and its worker know of the Write view before its code is fetched: the engine
// module it runs on, the parts a lecturer can hide, its long jobs (jobs/run.js and
// jobs/worker.js run them, as jobs/cache.js describes) and its start-up for the worker to
// run first (jobs/warm.js).
import { cachedWhere } from '../../jobs/cache.js';
import { warm } from '../../jobs/warm.js';

/** The engine module (scripts/build-wasm.sh: one per view), its paths written out whole for the bundler. */
export const ENGINE = {
  part: 'writing',
  glue: () => import('../../pkg/writing/rnn_playground.js'),
  url: () => new URL('../../pkg/writing/rnn_playground_bg.wasm', import.meta.url),
};

/** The panels that can be hidden (the template's `data-hide-id`s). */
export const PANELS = ['write-train', 'write-pen', 'write-poems', 'write-keep'];

export const JOBS = {
  /**
   * The Write view's training: {corpus, text, config, from, target, every, prompt}. The
   * network goes on from `from` updates (the cached one, or trained again from the seed
   * to there) to `target`; every `every` updates it measures the held-out loss and writes
   * a sample (from `prompt`, at temperature 0.8, seed 1: the same draws each time, so the
   * samples differ only by what the network learned). Rates count training time only.
   */
  textTrain: {
    start(wasm, { corpus, text, config, from, target, every, prompt }, cache) {
      const key = `${corpus}:${JSON.stringify(config)}`;
      const tr = cachedWhere(cache, 'text', key, () => new wasm.TextTrainer(text, config), (t) => t.updates() === from);
      const [characters, vocabulary] = tr.corpusSize();
      return { tr, config, target, every, prompt, samples: [], trainMs: 0, trained: 0, report: null, characters, vocabulary, from: tr.updates(), charsPerUpdate: config.seqLen * config.batchSize };
    },
    step(s, n) {
      const u = s.tr.updates();
      const stop = Math.min(s.target, (Math.floor(u / s.every) + 1) * s.every);
      const k = Math.min(n, stop - u);
      if (k > 0) {
        const t0 = performance.now();
        s.report = s.tr.train(k);
        s.trainMs += performance.now() - t0;
        s.trained += k;
      }
      const now = s.tr.updates();
      if (k > 0 && (now % s.every === 0 || now === s.target)) {
        s.tr.evaluate();
        s.samples.push({ updates: now, text: s.tr.sample(s.prompt, 80, 0.8, 1) });
      }
      const seconds = s.trainMs / 1000;
      return {
        done: now >= s.target,
        updates: now,
        from: s.from,
        target: s.target,
        report: s.report,
        history: s.tr.history(),
        samples: s.samples.slice(-6),
        characters: s.characters,
        vocabulary: s.vocabulary,
        rate: seconds > 0 ? { updates: s.trained / seconds, characters: (s.trained * s.charsPerUpdate) / seconds } : null,
      };
    },
    result(s) {
      // The weights, not the model file: a 128-unit LSTM on 1158 characters is 16 MB of
      // JSON, which the page would take a third of a second to read.
      const weights = { config: s.config, vocabulary: s.tr.vocabulary(), params: new Float32Array(s.tr.params()) };
      return { weights, history: s.tr.history(), updates: s.tr.updates(), samples: s.samples.slice(-6) };
    },
  },
};

/** The Write view: an empty desk (its model comes with training or a file). */
export const WARMUP = (wasm, page) => warm(new wasm.WritingDesk(), page, () => {});
