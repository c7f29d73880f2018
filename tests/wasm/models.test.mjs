// Models in and out: a model file downloaded from the page, loaded into
// TensorFlow.js by the snippet the page shows (same layers, `setWeights`), predicts the
// page's next-token probabilities; a model saved from TensorFlow.js with `getWeights()`
// runs in the engine to TensorFlow.js's probabilities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import engine from './load.mjs';

/** The page's model file as the TensorFlow.js snippet loads it. */
function tfjsModel(m) {
  // As the page's snippet writes them (TensorFlow.js's gates default to the hard sigmoid).
  const common = { units: m.units, returnSequences: true, inputShape: [null, m.input_size] };
  const gates = { ...common, recurrentActivation: 'sigmoid' };
  const rnn =
    m.cell === 'simple_rnn' ? tf.layers.simpleRNN({ ...common, activation: m.activation }) : m.cell === 'lstm' ? tf.layers.lstm(gates) : tf.layers.gru({ ...gates, resetAfter: false });
  const model = tf.sequential({ layers: [rnn, tf.layers.dense({ units: m.output_size, activation: 'softmax' })] });
  model.setWeights(['kernel', 'recurrent_kernel', 'bias', 'dense_kernel', 'dense_bias'].map((k) => tf.tensor(m.weights[k])));
  return model;
}

function maxDiff(a, b) {
  const fa = a.flat(Infinity);
  const fb = b.flat(Infinity);
  assert.equal(fa.length, fb.length);
  return Math.max(...fa.map((x, i) => Math.abs(x - fb[i])));
}

for (const settings of [{ cell: 'simple_rnn' }, { cell: 'simple_rnn', activation: 'relu', units: 5 }, { cell: 'lstm' }, { cell: 'gru', resetAfter: false }, { cell: 'lstm', tokenize: 'chars', text: 'hello world' }]) {
  test(`a downloaded model predicts the page's probabilities in TensorFlow.js: ${JSON.stringify(settings)}`, () => {
    const pg = new engine.Playground(settings);
    pg.train(40);
    const m = JSON.parse(pg.modelFile());
    assert.equal(m.format, 'rnn-playground/model@1');
    assert.equal(m.vocabulary.length, m.input_size);
    // The page's probabilities, step by step.
    const page = [];
    for (let rec = pg.step(); rec; rec = pg.step()) page.push(rec.probs);
    pg.free();
    assert.equal(page.length, m.tokens.length);
    const model = tfjsModel(m);
    const x = tf.oneHot([m.tokens.map((t) => m.vocabulary.indexOf(t))], m.input_size).toFloat();
    const theirs = model.predict(x).arraySync()[0];
    assert.ok(maxDiff(theirs, page) < 1e-5, `max difference ${maxDiff(theirs, page)}`);
  });
}

test('a model saved from TensorFlow.js with getWeights() runs in the engine to the same probabilities', () => {
  for (const cell of ['simple_rnn', 'lstm', 'gru']) {
    const V = 5;
    const U = 6;
    const common = { units: U, returnSequences: true, inputShape: [null, V], kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 4 }) };
    const gates = { ...common, recurrentActivation: 'sigmoid' };
    const rnn = cell === 'simple_rnn' ? tf.layers.simpleRNN(common) : cell === 'lstm' ? tf.layers.lstm(gates) : tf.layers.gru({ ...gates, resetAfter: false });
    const model = tf.sequential({ layers: [rnn, tf.layers.dense({ units: V, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) })] });
    const [kernel, recurrent, bias, dense, denseBias] = model.getWeights().map((w) => w.arraySync());
    const file = { format: 'rnn-playground/model@1', cell, input_size: V, units: U, output_size: V, output: 'softmax', weights: { kernel, recurrent_kernel: recurrent, bias, dense_kernel: dense, dense_bias: denseBias } };
    if (cell === 'simple_rnn') file.activation = 'tanh';
    if (cell === 'gru') file.reset_after = false;
    const ids = [0, 3, 1, 4, 2];
    const x = ids.map((i) => Array.from({ length: V }, (_, k) => (k === i ? 1 : 0)));
    const theirs = model.predict(tf.tensor([x])).arraySync()[0];
    const trace = JSON.parse(engine.traceJson(JSON.stringify(file), JSON.stringify({ x, y: ids, loss: 'cross_entropy' })).json);
    assert.ok(maxDiff(trace.outputs, theirs) < 1e-5, `${cell}: max difference ${maxDiff(trace.outputs, theirs)}`);
  }
});

test('rnnp export writes the page\'s "Download model" file for the same link, to the byte', async () => {
  const { rnnp } = await import('./cli.mjs');
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const out = join(mkdtempSync(join(tmpdir(), 'rnnp-export-')), 'model.json');
  const r = rnnp(['export', '--from-url', 'https://example.org/rnn-playground/?cell=lstm&units=6&trained=40', '-o', out]);
  assert.equal(r.status, 0, r.stderr);
  const pg = new engine.Playground({ cell: 'lstm', units: 6 });
  pg.train(40);
  const page = pg.modelFile();
  pg.free();
  assert.equal(readFileSync(out, 'utf8'), `${page}\n`);
});

test('a TensorFlow.js model\'s getWeights() list opens in the page (Open model) and steps to TensorFlow.js\'s probabilities', () => {
  for (const cell of ['simple_rnn', 'lstm', 'gru']) {
    const U = 7;
    // The page's settings: no reset_after among them (a GRU list tells its variant by its bias).
    const base = { cell, units: U };
    const probe = new engine.Playground(base);
    const info = probe.info();
    probe.free();
    const V = info.vocabulary.length;
    const common = { units: U, returnSequences: true, inputShape: [null, V], kernelInitializer: tf.initializers.glorotUniform({ seed: 11 }), recurrentInitializer: tf.initializers.orthogonal({ seed: 12 }), biasInitializer: tf.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed: 13 }) };
    const gates = { ...common, recurrentActivation: 'sigmoid' };
    const rnn = cell === 'simple_rnn' ? tf.layers.simpleRNN(common) : cell === 'lstm' ? tf.layers.lstm(gates) : tf.layers.gru({ ...gates, resetAfter: false });
    const model = tf.sequential({ layers: [rnn, tf.layers.dense({ units: V, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 14 }) })] });
    const list = model.getWeights().map((w) => w.arraySync());
    // The plain list, as Keras or TF.js gives it, for the network of the current settings.
    const pg = engine.Playground.fromModelFile(JSON.stringify(list), base);
    const page = [];
    for (let rec = pg.step(); rec; rec = pg.step()) page.push(rec.probs);
    pg.free();
    const theirs = model.predict(tf.oneHot([info.inputs], V).toFloat()).arraySync()[0];
    assert.ok(maxDiff(page, theirs) < 1e-5, `${cell}: max difference ${maxDiff(page, theirs)}`);
  }
});
