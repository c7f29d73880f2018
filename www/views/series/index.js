// The sine-series view: the seed's Keras program, trained live as a job (a worker), with
// its loss per epoch and its predictions on unseen sequences. The program's texts (Keras,
// this engine's API, the command line) come from the engine, written from the settings.
import './texts.js';
import { errorText, t } from '../../i18n.js';
import { configFor } from '../../state.js';
import { guard } from '../../engine.js';

import { button, numberControl } from '../../ui/controls.js';
import { createView } from '../../ui/view.js';
import { num } from '../../ui/format.js';
import { TEMPLATE } from './template.js';

export { TEMPLATE };

const KEYS = ['sequences', 'length', 'noise', 'sseed'];

/** Mounts the view in `root`; same contract as the sentence view. */
export function mount(root, store, wasm, page) {
  let lab = null;
  const view = createView(root, TEMPLATE, page, {
    engine: () => lab,
    files: { loss: 'series-loss', predict: 'series-prediction' },
    fileTag: () => `seed${store.get().sseed}`,
  });
  const { $ } = view;
  const config = () => configFor(store.get(), 'series');
  let job = null;

  $('fields').append(
    numberControl(store, 'sequences', 'series.sequences', 1, 'series-sequences'),
    numberControl(store, 'length', 'series.length', 1, 'series-length'),
    numberControl(store, 'noise', 'series.noise', 0.05, 'series-noise'),
    numberControl(store, 'sseed', 'series.seed', 1, 'series-seed'),
  );
  const trainButton = button('series.train', 'train-series', () => (job ? job.stop() : train()), 'primary');
  $('train-row').append(trainButton);
  view.charts([
    ['loss', 'chart-series-loss', () => ({ loss: { title: t('series.lossTitle'), x: t('series.epoch'), y: t('series.loss'), loss: t('series.lossLine'), baseline: t('series.baseline'), empty: t('series.lossEmpty') } })],
    ['predict', 'chart-predict', () => ({ prediction: { title: t('series.predTitle'), x: t('series.t'), y: t('series.value'), truth: t('series.truth'), prediction: t('series.pred'), empty: t('series.predEmpty'), count: 2 } })],
  ]);

  const make = view.builder(store, KEYS, () => new wasm.SeriesLab(config()));

  function build() {
    job?.cancel();
    const next = make();
    if (!next) return;
    lab?.free();
    lab = next;
    $('code-keras').textContent = guard(() => lab.kerasCode());
    $('code-ours').textContent = guard(() => lab.rustCode());
    $('code-cli').textContent = guard(() => lab.commandLine());
    view.status.set($('status'), null);
    $('progress').value = 0;
    view.redraw();
  }

  function status(p) {
    if (p.stopped) return t('series.stopped', { message: errorText(p.stopped) });
    if (p.done) return t('series.done', { loss: num(p.history[p.history.length - 1], 3), test: num(p.testMse, 3), baseline: num(p.baseline, 3) });
    return t('series.progress', { epoch: Math.min(p.epoch + 1, p.epochs), epochs: p.epochs, batch: p.batch, batches: p.batchesPerEpoch });
  }

  function train() {
    if (!lab) return;
    let seenEpochs = -1;
    job = view.job('seriesTrain', { config: config() }, {
      button: trainButton,
      idleKey: 'series.train',
      busyKey: 'series.stop',
      progress: ({ progress: p }) => {
        $('progress').value = (p.epoch * p.batchesPerEpoch + p.batch) / (p.epochs * p.batchesPerEpoch);
        view.status.set($('status'), () => status(p));
        if (p.epoch !== seenEpochs) {
          // A finished epoch: show its loss (the weights come with the last one).
          seenEpochs = p.epoch;
          guard(() => lab.showProgress(p));
          view.redraw(['loss']);
        }
      },
      done: ({ result, cancelled }) => {
        job = null;
        if (cancelled || !result) return view.status.set($('status'), null);
        guard(() => lab.adopt(result.params, result.progress));
        $('progress').value = 1;
        view.status.set($('status'), () => status(result.progress));
        view.redraw();
      },
    });
  }

  store.subscribe((changed) => {
    if (changed.some((k) => KEYS.includes(k))) build();
  });
  view.onReset(() => {
    lab = null;
    build();
  });
  const ready = view.warmed('series', { config: config() }).then(build);

  return view.mounted({ ready });
}
