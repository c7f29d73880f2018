// The engine's matrix kernel against ndarray's (matrixmultiply), both compiled to
// WebAssembly with SIMD, on the products the models use. Needs the variant built by
// `WASM_FEATURES=gemm-compare WASM_OUT=target/bench/pkg scripts/build-wasm.sh`.
// Prints one JSON line per shape, then one per training workload (tokens per second).
import engine from './engine.mjs';

// [m, n, k, A transposed]: a recurrent step, the output layer, a weight gradient Hᵀ·δ.
const shapes = [[32, 50, 50, false], [32, 128, 128, false], [32, 512, 128, false], [1024, 64, 128, false], [128, 512, 1024, false], [128, 512, 1024, true], [50, 50, 1600, true]];
const seconds = Number(process.argv[2] || 1);
for (const [m, n, k, tr] of shapes) {
  const row = { shape: `${m}x${n}x${k}${tr ? ' (Aᵀ)' : ''}` };
  for (const which of ['ours', 'ndarray']) {
    engine.gemmRun(which, m, n, k, 3, tr);
    let iters = 1;
    let ms = 0;
    while (ms < seconds * 1000) {
      iters *= 2;
      const t0 = performance.now();
      engine.gemmRun(which, m, n, k, iters, tr);
      ms = performance.now() - t0;
    }
    row[which] = (2 * m * n * k * iters) / (ms / 1000) / 1e9;
  }
  console.log(JSON.stringify(row));
}

// Whole training batches of the benchmark workloads with either kernel.
for (const name of ['seed', 'char_rnn', 'char_lstm']) {
  const row = { workload: name };
  for (const which of ['ours', 'ndarray']) {
    engine.setKernel(which);
    const w = new engine.BenchWorkload(name);
    w.runBatches(2);
    let batches = 0;
    const start = performance.now();
    while (performance.now() - start < seconds * 1000 || batches < 3) {
      w.runBatches(1);
      batches++;
    }
    row[which] = (w.info().tokens_per_batch * batches) / ((performance.now() - start) / 1000);
    w.free();
  }
  engine.setKernel('ours');
  console.log(JSON.stringify(row));
}
