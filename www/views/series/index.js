// The sine-series view: the seed's Keras program, trained live in the engine's
// `SeriesLab`, with its loss per epoch and its predictions on unseen sequences.
import './texts.js';
import { t, translatePage } from '../../i18n.js';
import { addProps } from '../../state.js';
import { guard, isFatal } from '../../engine.js';
import { showNotice } from '../../ui/banner.js';
import { button, numberControl, setLabel } from '../../ui/controls.js';
import { chartBox, fitCanvas } from '../../ui/chart.js';
import { num } from '../../ui/format.js';
import { localizeError } from '../../ui/errors.js';
import { runInSlices } from '../../slices.js';
import { statusLines } from '../../ui/status.js';
import { TEMPLATE } from './template.js';

addProps([
  { name: 'sequences', type: 'int', min: 32, max: 4096, def: 1024 },
  { name: 'length', type: 'int', min: 5, max: 200, def: 50 },
  { name: 'noise', type: 'number', min: 0, max: 1, def: 0 },
  { name: 'sseed', type: 'int', min: 0, max: 2147483647, def: 7 },
]);

const KEYS = ['sequences', 'length', 'noise', 'sseed'];

function seriesConfig(s) {
  return { sequences: s.sequences, length: s.length, noise: s.noise, seed: s.sseed, epochs: 20, batch_size: 32, units: 50, learning_rate: 0.001 };
}

const KERAS = `model = tf.keras.models.Sequential([
    tf.keras.layers.SimpleRNN(50, return_sequences=True,
                              input_shape=(None, 1)),
    tf.keras.layers.Dense(1)
])
model.compile(loss='mean_squared_error', optimizer='adam')
history = model.fit(x_train, y_train,
                    epochs=20, batch_size=32)
y_pred = model.predict(x_test)`;

const OURS = `let mut model = Sequential::new(vec![
    Layer::simple_rnn(50).return_sequences(true)
                         .input_shape(None, 1),
    Layer::dense(1),
])?;
model.compile(Loss::MeanSquaredError,
              OptimizerConfig::adam(0.001))?;
let history = model.fit(&x_train, &y_train, 20, 32)?;
let y_pred = model.predict(&x_test)?;`;

/** Mounts the view in `root`; same contract as the sentence view. */
export function mountSeries(root, store, wasm) {
  root.innerHTML = TEMPLATE;
  translatePage(root);
  const $ = (role) => root.querySelector(`[data-role="${role}"]`);
  $('code-keras').textContent = KERAS;
  $('code-ours').textContent = OURS;
  let lab = null;
  let job = null;
  const status = statusLines();

  $('fields').append(
    numberControl(store, 'sequences', 'series.sequences', 32, 'series-sequences'),
    numberControl(store, 'length', 'series.length', 1, 'series-length'),
    numberControl(store, 'noise', 'series.noise', 0.05, 'series-noise'),
    numberControl(store, 'sseed', 'series.seed', 1, 'series-seed'),
  );
  const trainButton = button('series.train', 'train-series', () => (job ? job.cancel() : train()), 'primary');
  $('train-row').append(trainButton);
  const loss = chartBox('chart-series-loss', 260);
  const predict = chartBox('chart-predict', 260);
  $('chart-loss').append(loss.figure);
  $('chart-predict').append(predict.figure);

  function build() {
    job?.cancel();
    const s = store.get();
    $('code-cli').textContent = `rnnp train series --epochs 20 --batch-size 32 --sequences ${s.sequences} --length ${s.length} --noise ${s.noise} --seed ${s.sseed} --data-seed ${s.sseed}`;
    try {
      const next = guard(() => new wasm.SeriesLab(seriesConfig(s)));
      lab?.free();
      lab = next;
    } catch (err) {
      if (isFatal(err)) throw err;
      showNotice(String(err.message || err), 'warn');
    }
    status.set($('status'), null);
    $('progress').value = 0;
    draw();
  }

  function draw() {
    if (!lab) return;
    guard(() => lab.drawLoss(loss.canvas, fitCanvas(loss.canvas), [t('series.lossTitle'), t('series.epoch'), t('series.loss'), t('series.lossLine'), t('series.baseline'), t('series.lossEmpty')]));
    guard(() => lab.drawPrediction(predict.canvas, fitCanvas(predict.canvas), [t('series.predTitle'), t('series.t'), t('series.value'), t('series.truth'), t('series.pred'), t('series.predEmpty')], 2));
    const p = lab.progress();
    loss.setTable([t('series.epoch'), t('series.loss')], p.history.map((l, i) => [i + 1, num(l, 4)]));
    const first = lab.firstTest();
    predict.setTable([t('series.t'), t('series.truth'), t('series.pred')], first.truth.map((v, i) => [i + 1, num(v, 4), first.prediction ? num(first.prediction[i], 4) : '–']));
  }

  function train() {
    if (!lab) return;
    if (lab.progress().done) build();
    setLabel(trainButton, 'series.stop');
    const total = 20 * lab.progress().batches_per_epoch;
    let seenEpochs = lab.progress().epoch;
    job = runInSlices({
      total,
      run: (n) => guard(() => lab.trainBatches(n)),
      done: (p) => p.done,
      onSlice: (_, p) => {
        $('progress').value = (p.epoch * p.batches_per_epoch + p.batch) / total;
        status.set($('status'), () => t('series.progress', { epoch: Math.min(p.epoch + 1, p.epochs), epochs: p.epochs, batch: p.batch, batches: p.batches_per_epoch }));
        if (p.epoch !== seenEpochs || p.done) {
          seenEpochs = p.epoch;
          draw();
        }
      },
      onEnd: (p, cancelled) => {
        job = null;
        setLabel(trainButton, 'series.train');
        if (p?.stopped) status.set($('status'), () => t('series.stopped', { message: localizeError(p.stopped) }));
        else if (p?.done) {
          $('progress').value = 1;
          status.set($('status'), () => t('series.done', { loss: num(p.history[p.history.length - 1], 3), test: num(p.test_mse, 3), baseline: num(p.baseline, 3) }));
        } else if (cancelled) status.set($('status'), null);
        draw();
      },
    });
  }

  store.subscribe((changed) => {
    if (root.isConnected && changed.some((k) => KEYS.includes(k))) build();
  });
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => root.isConnected && draw(), 150);
  });
  requestAnimationFrame(build);

  return {
    relabel() {
      status.refresh();
      loss.relabel();
      predict.relabel();
      draw();
    },
    show() {
      draw();
    },
  };
}
