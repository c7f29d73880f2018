// `npm run bench`: every row measured in this run, on this machine, one after the other.
//
//   (A) the seed example: 1024 sine sequences, length 50, SimpleRNN(50) + Dense(1), Adam,
//       batch 32: seconds per epoch and samples per second;
//   (B) a character model: vocabulary 64, length 32, batch 32, 128 units, simple RNN and
//       LSTM: tokens per second;
//   step: one token of the sentence view.
//
// Rows: this project's WebAssembly in Node, this project native (release), TensorFlow.js
// 4.22 with its cpu and wasm backends (model.fit), and the page's step in headless
// Chromium. Ratios are against TensorFlow.js's fastest backend on the same workload.
// Usage: node bench/run.mjs [seconds per measurement] [chromium path]
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import engine from './engine.mjs';

const SECONDS = Number(process.argv[2] || 3);
const CHROMIUM = process.argv[3] || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const root = new URL('..', import.meta.url).pathname;
const WORKLOADS = ['seed', 'char_rnn', 'char_lstm'];
const log = (s) => process.stderr.write(`[bench] ${s}\n`);

function node(script, args) {
  const out = execFileSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Our WebAssembly build in this Node process. */
function wasmRow(name) {
  const w = new engine.BenchWorkload(name);
  w.runBatches(3);
  let batches = 0;
  const start = performance.now();
  while ((performance.now() - start) / 1000 < SECONDS || batches < 3) {
    w.runBatches(1);
    batches++;
  }
  const perBatch = (performance.now() - start) / 1000 / batches;
  const info = w.info();
  w.free();
  return { perBatch, info };
}

function wasmStep() {
  const pg = new engine.Playground({});
  let steps = 0;
  const start = performance.now();
  while ((performance.now() - start) / 1000 < Math.min(1, SECONDS)) {
    if (!pg.step()) pg.reset();
    steps++;
  }
  pg.free();
  return (performance.now() - start) / 1000 / steps;
}

log('native (release)');
const native = JSON.parse(execFileSync(`${root}target/release/rnnp`, ['bench', '--json', '--seconds', String(SECONDS)], { encoding: 'utf8' }));
const infos = {};
const results = {}; // workload → row name → seconds per batch
for (const [i, name] of WORKLOADS.entries()) {
  log(`wasm in Node: ${name}`);
  const { perBatch, info } = wasmRow(name);
  infos[name] = info;
  results[name] = { 'this project, wasm (Node)': perBatch, 'this project, native': native[i].seconds_per_batch };
  for (const backend of ['wasm', 'cpu']) {
    log(`TensorFlow.js ${backend}: ${name}`);
    results[name][`TensorFlow.js 4.22, ${backend} backend`] = node('bench/tfjs.mjs', [backend, name, String(SECONDS)]).seconds_per_batch;
  }
}
log('step latency');
const step = {
  'this project, page in Chromium (all charts redrawn)': node('bench/browser-step.mjs', [CHROMIUM, '300']).median_ms / 1000,
  'this project, wasm (Node), engine only': wasmStep(),
  'this project, native, engine only': native[3].seconds_per_step,
  'TensorFlow.js 4.22, wasm backend, predict()': node('bench/tfjs-step.mjs', ['wasm', '1']).seconds_per_step,
  'TensorFlow.js 4.22, cpu backend, predict()': node('bench/tfjs-step.mjs', ['cpu', '1']).seconds_per_step,
};

const fmt = (v, d = 0) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const lines = [];
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, Node ${process.version}, ${SECONDS} s per measurement.`, '');
const TITLES = { seed: '(A) seed example: SimpleRNN(50) + Dense(1), 1024 sequences × 50 steps, batch 32, Adam', char_rnn: '(B) character model, SimpleRNN(128), V = 64, T = 32, batch 32, Adam', char_lstm: '(B) character model, LSTM(128), V = 64, T = 32, batch 32, Adam' };
for (const name of WORKLOADS) {
  const info = infos[name];
  const rows = results[name];
  const tfBest = Math.min(rows['TensorFlow.js 4.22, wasm backend'], rows['TensorFlow.js 4.22, cpu backend']);
  lines.push(`### ${TITLES[name]}`, '');
  lines.push('| row | s/epoch | samples/s | tokens/s | GFLOP/s | GFLOP/s executed | × TF.js fastest |', '|---|---:|---:|---:|---:|---:|---:|');
  for (const [row, perBatch] of Object.entries(rows)) {
    // TensorFlow.js multiplies the one-hot inputs; this engine looks them up.
    const executed = row.startsWith('this project') ? info.executed_flops_per_batch : info.flops_per_batch;
    lines.push(`| ${row} | ${fmt(perBatch * info.batches_per_epoch, 3)} | ${fmt(info.batch_size / perBatch)} | ${fmt(info.tokens_per_batch / perBatch)} | ${fmt(info.flops_per_batch / perBatch / 1e9, 2)} | ${fmt(executed / perBatch / 1e9, 2)} | ${fmt(tfBest / perBatch, 2)} |`);
  }
  lines.push('');
}
const tfStep = Math.min(step['TensorFlow.js 4.22, wasm backend, predict()'], step['TensorFlow.js 4.22, cpu backend, predict()']);
lines.push('### Step latency: one token of the sentence view (SimpleRNN(8), V = 5)', '');
lines.push('| row | µs per token | × TF.js fastest |', '|---|---:|---:|');
for (const [row, s] of Object.entries(step)) lines.push(`| ${row} | ${fmt(s * 1e6, 1)} | ${row.includes('page') ? '—' : fmt(tfStep / s, 2)} |`);
lines.push('', 'The page row is a different kind of work (three charts drawn and the panels rebuilt on every step), so it gets no ratio; the goal for it is one frame, 16 ms.');
log('matrix kernel: ours against ndarray, in WebAssembly');
const gemmRows = execFileSync(process.execPath, ['bench/gemm-wasm.mjs', String(Math.min(1, SECONDS))], { cwd: root, encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l));
lines.push('', '### Matrix kernel C += A·B in WebAssembly (Node): this engine against ndarray 0.17 (matrixmultiply), GFLOP/s', '');
lines.push('| m×n×k | this engine | ndarray | ratio |', '|---|---:|---:|---:|');
for (const r of gemmRows.filter((x) => x.shape)) lines.push(`| ${r.shape} | ${fmt(r.ours, 1)} | ${fmt(r.ndarray, 1)} | ${fmt(r.ours / r.ndarray, 2)} |`);
const ends = gemmRows.filter((r) => r.workload);
lines.push('', '### Whole training batches in WebAssembly with either kernel (tokens/s)', '');
lines.push('| workload | this engine | ndarray | ratio |', '|---|---:|---:|---:|');
for (const r of ends) lines.push(`| ${r.workload} | ${fmt(r.ours)} | ${fmt(r.ndarray)} | ${fmt(r.ours / r.ndarray, 2)} |`);
log('determinism: ndarray native against ndarray in WebAssembly');
const nativeNd = `${root}target/bench/ndarray-native.json`;
execFileSync('cargo', ['run', '--quiet', '--release', '--features', 'gemm-compare', '--example', 'ndarray_determinism', '--', nativeNd], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const det = node('bench/ndarray-determinism.mjs', [nativeNd]);
lines.push('', `Same seed, 40 training updates of an LSTM, native against WebAssembly: with ndarray doing the products, ${det.differing} of ${det.weights} weights differ (largest difference ${det.max_abs_diff.toExponential(1)}); with this engine's kernel all are identical (tests/determinism.rs and tests/wasm/engine.test.mjs check it).`);
lines.push('', 'GFLOP/s counts 2 flops per multiply-add of the forward and backward passes, with the input product counted as a dense matrix product in every row, so the rows compare the same work. GFLOP/s executed counts what each row computes: this engine looks one-hot inputs up instead of multiplying them.');
const table = lines.join('\n');
console.log(table);
mkdirSync(`${root}target/bench`, { recursive: true });
writeFileSync(`${root}target/bench/latest.md`, `${table}\n`);
