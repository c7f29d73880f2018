// The sine-series view: the seed's Keras program, trained live as a job (a worker), with
// its loss per epoch and its predictions on unseen sequences. The program's texts (Keras,
// this engine's API, the command line) come from the engine, written from the settings.
import './texts.js';
import { t } from '../../i18n.js';
import { configFor } from '../../state.js';
import { guard, isEngineError } from '../../engine.js';
import { describeError, showNotice } from '../../ui/banner.js';
import { button, numberControl, setLabel } from '../../ui/controls.js';
import { createView } from '../../ui/view.js';
import { num } from '../../ui/format.js';
import { TEMPLATE } from './template.js';

const KEYS = ['sequences', 'length', 'noise', 'sseed'];

/** Mounts the view in `root`; same contract as the sentence view. */
export function mountSeries(root, store, wasm, page) {
  const view = createView(root, TEMPLATE, { textScale: page.textScale });
  const { $ } = view;
  const config = () => configFor(store.get(), 'series');
  let lab = null;
  let job = null;
  let lastGood = null;

  $('fields').append(
    numberControl(store, 'sequences', 'series.sequences', 1, 'series-sequences'),
    numberControl(store, 'length', 'series.length', 1, 'series-length'),
    numberControl(store, 'noise', 'series.noise', 0.05, 'series-noise'),
    numberControl(store, 'sseed', 'series.seed', 1, 'series-seed'),
  );
  const trainButton = button('series.train', 'train-series', () => (job ? job.cancel() : train()), 'primary');
  $('train-row').append(trainButton);
  const draw = (which) => (canvas, style) => lab && guard(() => lab.draw(canvas, style, which()));
  view.chart('loss', {
    place: 'chart-loss',
    testid: 'chart-series-loss',
    height: 260,
    title: () => t('series.lossTitle'),
    draw: draw(() => ({ loss: { title: t('series.lossTitle'), x: t('series.epoch'), y: t('series.loss'), loss: t('series.lossLine'), baseline: t('series.baseline'), empty: t('series.lossEmpty') } })),
  });
  view.chart('predict', {
    place: 'chart-predict',
    testid: 'chart-predict',
    height: 260,
    title: () => t('series.predTitle'),
    draw: draw(() => ({ prediction: { title: t('series.predTitle'), x: t('series.t'), y: t('series.value'), truth: t('series.truth'), prediction: t('series.pred'), empty: t('series.predEmpty'), count: 2 } })),
  });

  function build() {
    job?.cancel();
    try {
      const next = guard(() => new wasm.SeriesLab(config()));
      lab?.free();
      lab = next;
      lastGood = Object.fromEntries(KEYS.map((k) => [k, store.get()[k]]));
    } catch (err) {
      showNotice(describeError(err), 'warn');
      if (isEngineError(err) && lastGood) store.set(lastGood);
      return;
    }
    $('code-keras').textContent = guard(() => lab.kerasCode());
    $('code-ours').textContent = guard(() => lab.rustCode());
    $('code-cli').textContent = guard(() => lab.commandLine());
    view.status.set($('status'), null);
    $('progress').value = 0;
    view.redraw();
  }

  function status(p) {
    if (p.stopped) return t('series.stopped', { message: describeError({ name: 'RnnError', detail: p.stopped }) });
    if (p.done) return t('series.done', { loss: num(p.history[p.history.length - 1], 3), test: num(p.testMse, 3), baseline: num(p.baseline, 3) });
    return t('series.progress', { epoch: Math.min(p.epoch + 1, p.epochs), epochs: p.epochs, batch: p.batch, batches: p.batchesPerEpoch });
  }

  function train() {
    if (!lab) return;
    setLabel(trainButton, 'series.stop');
    let seenEpochs = -1;
    const run = page.jobs.run('seriesTrain', { config: config() }, ({ progress: p }) => {
      $('progress').value = (p.epoch * p.batchesPerEpoch + p.batch) / (p.epochs * p.batchesPerEpoch);
      view.status.set($('status'), () => status(p));
      if (p.epoch !== seenEpochs) {
        // A finished epoch: show its loss (the weights come with the last one).
        seenEpochs = p.epoch;
        guard(() => lab.showProgress(p));
        view.redraw(['loss']);
      }
    });
    job = view.track(run);
    run.done
      .then(({ result, cancelled }) => {
        if (cancelled || !result) return view.status.set($('status'), null);
        guard(() => lab.adopt(result.params, result.progress));
        $('progress').value = 1;
        view.status.set($('status'), () => status(result.progress));
        view.redraw();
      })
      .catch((err) => showNotice(describeError(err), 'warn'))
      .finally(() => {
        view.untrack(run);
        job = null;
        setLabel(trainButton, 'series.train');
      });
  }

  store.subscribe((changed) => {
    if (changed.some((k) => KEYS.includes(k))) build();
  });
  view.onReset(() => {
    lab = null;
    build();
  });
  build();

  return {
    relabel() {
      view.relabel();
    },
  };
}
