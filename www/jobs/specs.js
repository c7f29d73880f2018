// The page's long jobs (training, the lab's runs, the gradient check), written once for
// any place that runs them: a Web Worker (jobs/worker.js) or, if no worker can start, the
// page in slices (jobs/run.js). A job owns its own engine objects, starts from settings
// (never from a page object), and hands back plain data the page adopts: so the same
// seed gives the same numbers wherever it runs.
//
// A job is {part, start(wasm, payload, cache) → state, step(state, n) → progress,
// result(state) → result}: `part` names the engine module it runs on (engine.js: one per
// view), and `wasm` is that module's exports. `progress.done` ends it. `cache` keeps engine objects between
// jobs (training again continues from where it stopped).

/** The session in `cache` under `name` for `key`, made by `make` if it is not there. */
function cached(cache, name, key, make) {
  const entry = cache.get(name);
  if (entry && entry.key === key) return entry.value;
  // Out of the cache before it is freed: if `make` throws (a text the engine refuses), the
  // next job must not find, and free again, an object that is gone.
  cache.delete(name);
  entry?.value.free();
  const value = make();
  cache.set(name, { key, value });
  return value;
}

/**
 * As `cached`, but a cached session that is not `usable` (not where the page is: another
 * tab of history, a reset) is freed and made again from the settings.
 */
function cachedWhere(cache, name, key, make, usable) {
  const value = cached(cache, name, key, make);
  if (usable(value)) return value;
  cache.delete(name);
  value.free();
  return cached(cache, name, key, make);
}

export const JOBS = {
  /**
   * Sentence training: {config, from, epochs}: `from` epochs done already, `epochs` more.
   * A network opened from a file does not come from the seed: its weights and losses come
   * along (`weights`: {params, losses}), and training goes on from them.
   */
  sentenceTrain: {
    part: 'sentence',
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

  /** The lab's training run under explosion: {lab, explode}. */
  explode: {
    part: 'lab',
    start(wasm, { lab, explode }, cache) {
      const g = cached(cache, 'lab', JSON.stringify(lab), () => new wasm.GradientLab(lab));
      return { g, view: g.startExplode(explode) };
    },
    step(s, n) {
      s.view = s.g.explodeStep(n);
      return { done: s.view.done, view: s.view };
    },
    result(s) {
      return s.view;
    },
  },

  /** The memory comparison: {lab, race}. */
  race: {
    part: 'lab',
    start(wasm, { lab, race }, cache) {
      const g = cached(cache, 'lab', JSON.stringify(lab), () => new wasm.GradientLab(lab));
      return { g, view: g.startRace(race) };
    },
    step(s, n) {
      s.view = s.g.raceStep(n);
      return { done: s.view.done, view: s.view };
    },
    result(s) {
      return s.view;
    },
  },

  /** The series view's training: {config}, from the start. */
  seriesTrain: {
    part: 'series',
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

  /**
   * The Write view's training: {corpus, text, config, from, target, every, prompt}. The
   * network goes on from `from` updates (the cached one, or trained again from the seed
   * to there) to `target`; every `every` updates it measures the held-out loss and writes
   * a sample (from `prompt`, at temperature 0.8, seed 1: the same draws each time, so the
   * samples differ only by what the network learned). Rates count training time only.
   */
  textTrain: {
    part: 'writing',
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

  /** The gradient check of given weights: {config, params}. */
  gradcheck: {
    part: 'sentence',
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
