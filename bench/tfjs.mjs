// TensorFlow.js 4.22 on the benchmark workloads, with `model.fit` as a user would write it.
// Usage: node bench/tfjs.mjs <cpu|wasm> <seed|char_rnn|char_lstm> [seconds]
// Prints one JSON line: seconds per batch and the sizes.
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';

const [backend, workload, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg || 4);

if (backend === 'wasm') setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
await tf.setBackend(backend);
await tf.ready();

/** The same data as the engine's workloads (src/bench.rs): sine waves, or a character stream. */
function data(name) {
  if (name === 'seed') {
    const n = 1024, t = 50;
    const x = new Float32Array(n * t), y = new Float32Array(n * t);
    for (let s = 0; s < n; s++) {
      const phase = Math.random() * 2 * Math.PI;
      for (let k = 0; k < t; k++) {
        x[s * t + k] = Math.sin(phase + k * 0.2);
        y[s * t + k] = Math.sin(phase + (k + 1) * 0.2);
      }
    }
    return { n, t, x: tf.tensor3d(x, [n, t, 1]), y: tf.tensor3d(y, [n, t, 1]) };
  }
  const n = 512, t = 32, v = 64;
  const ids = new Int32Array(n * (t + 1));
  let prev = 0;
  for (let i = 0; i < ids.length; i++) {
    prev = Math.random() < 0.7 ? (prev * 7 + 3) % v : Math.floor(Math.random() * v);
    ids[i] = prev;
  }
  const xi = new Int32Array(n * t), yi = new Float32Array(n * t);
  for (let s = 0; s < n; s++) for (let k = 0; k < t; k++) {
    xi[s * t + k] = ids[s * (t + 1) + k];
    yi[s * t + k] = ids[s * (t + 1) + k + 1];
  }
  const x = tf.oneHot(tf.tensor1d(xi, 'int32'), v).reshape([n, t, v]);
  return { n, t, x, y: tf.tensor3d(yi, [n, t, 1]) };
}

function model(name) {
  const m = tf.sequential();
  if (name === 'seed') {
    m.add(tf.layers.simpleRNN({ units: 50, returnSequences: true, inputShape: [null, 1] }));
    m.add(tf.layers.dense({ units: 1 }));
    m.compile({ loss: 'meanSquaredError', optimizer: 'adam' });
  } else {
    const layer = name === 'char_lstm'
      ? tf.layers.lstm({ units: 128, returnSequences: true, inputShape: [null, 64], recurrentActivation: 'sigmoid' })
      : tf.layers.simpleRNN({ units: 128, returnSequences: true, inputShape: [null, 64] });
    m.add(layer);
    m.add(tf.layers.dense({ units: 64, activation: 'softmax' }));
    m.compile({ loss: 'sparseCategoricalCrossentropy', optimizer: 'adam' });
  }
  return m;
}

const d = data(workload);
const m = model(workload);
const batch = 32;
// Fit on slices of a few batches at a time, so slow backends finish in the time given.
const chunk = 4;
const xs = d.x.slice([0, 0, 0], [batch * chunk, -1, -1]);
const ys = d.y.slice([0, 0, 0], [batch * chunk, -1, -1]);
await m.fit(xs, ys, { epochs: 1, batchSize: batch, shuffle: true, verbose: 0 }); // warm-up
let batches = 0;
const start = performance.now();
while ((performance.now() - start) / 1000 < seconds || batches < chunk) {
  await m.fit(xs, ys, { epochs: 1, batchSize: batch, shuffle: true, verbose: 0 });
  batches += chunk;
}
const perBatch = (performance.now() - start) / 1000 / batches;
console.log(JSON.stringify({ backend, workload, seconds_per_batch: perBatch, batch_size: batch, length: d.t, sequences: d.n, tfjs: tf.version.tfjs }));
