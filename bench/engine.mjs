// The benchmark's WebAssembly build (the page's engine with its benchmark workloads, made by
// `WASM_FEATURES=gemm-compare WASM_OUT=target/bench/pkg scripts/build-wasm.sh`), in Node.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = new URL('../target/bench/pkg/', import.meta.url);
const engine = await import(new URL('rnn_playground.js', dir).href);
engine.initSync({ module: readFileSync(fileURLToPath(new URL('rnn_playground_bg.wasm', dir))) });

export default engine;
