// TensorFlow.js: one token of the sentence view's network (SimpleRNN(8) + Dense(5,
// softmax), stateful, batch 1), as `model.predict` on one step and reading the
// probabilities back. Usage: node bench/tfjs-step.mjs <cpu|wasm> [seconds]
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';

const [backend, secondsArg] = process.argv.slice(2);
const seconds = Number(secondsArg || 1);
if (backend === 'wasm') setWasmPaths(fileURLToPath(new URL('../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
await tf.setBackend(backend);
await tf.ready();

const m = tf.sequential();
m.add(tf.layers.simpleRNN({ units: 8, stateful: true, returnSequences: true, batchInputShape: [1, 1, 5] }));
m.add(tf.layers.dense({ units: 5, activation: 'softmax' }));
const tokens = [0, 1, 2, 3];
let steps = 0;
const step = () => {
  const x = tf.oneHot(tf.tensor1d([tokens[steps % 4]], 'int32'), 5).reshape([1, 1, 5]);
  const p = m.predict(x);
  p.dataSync();
  tf.dispose([x, p]);
  steps++;
  if (steps % 4 === 0) m.resetStates();
};
for (let i = 0; i < 50; i++) step();
steps = 0;
const start = performance.now();
while ((performance.now() - start) / 1000 < seconds) step();
console.log(JSON.stringify({ backend, seconds_per_step: (performance.now() - start) / 1000 / steps }));
