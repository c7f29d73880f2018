// The engine's matrix kernel against ndarray's (matrixmultiply), both compiled to
// WebAssembly with SIMD, on the products the models use. Needs the variant built by
// `WASM_FEATURES=gemm-compare WASM_OUT=target/bench/pkg scripts/build-wasm.sh`.
// Prints one JSON line per shape.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = new URL('../target/bench/pkg/', import.meta.url);
const engine = await import(new URL('rnn_playground.js', dir).href);
engine.initSync({ module: readFileSync(fileURLToPath(new URL('rnn_playground_bg.wasm', dir))) });

const shapes = [[32, 50, 50], [32, 128, 128], [32, 512, 128], [1024, 64, 128], [128, 512, 1024]];
const seconds = Number(process.argv[2] || 1);
for (const [m, n, k] of shapes) {
  const row = { shape: `${m}x${n}x${k}` };
  for (const which of ['ours', 'ndarray']) {
    engine.gemmRun(which, m, n, k, 3);
    let iters = 1;
    let ms = 0;
    while (ms < seconds * 1000) {
      iters *= 2;
      const t0 = performance.now();
      engine.gemmRun(which, m, n, k, iters);
      ms = performance.now() - t0;
    }
    row[which] = (2 * m * n * k * iters) / (ms / 1000) / 1e9;
  }
  console.log(JSON.stringify(row));
}
