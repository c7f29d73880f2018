// Would ndarray keep native and WebAssembly results identical? Trains the determinism
// fixture's network in the WebAssembly build with ndarray doing every product, and compares
// the weights with the native run of examples/ndarray_determinism.rs (path in argv[2]).
// This engine's own kernel gives identical weights (tests/determinism.rs, tests/wasm).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = new URL('../target/bench/pkg/', import.meta.url);
const engine = await import(new URL('rnn_playground.js', dir).href);
engine.initSync({ module: readFileSync(fileURLToPath(new URL('rnn_playground_bg.wasm', dir))) });
engine.setKernel('ndarray');
const pg = new engine.Playground({ cell: 'lstm', seed: 7, units: 6 });
pg.train(40);
const wasm = JSON.parse(pg.modelJson());
const native = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const flat = (m) => Object.values(m.weights).flat(9);
const a = flat(wasm), b = flat(native);
const differing = a.filter((x, i) => x !== b[i]).length;
const maxDiff = Math.max(...a.map((x, i) => Math.abs(x - b[i])));
console.log(JSON.stringify({ weights: a.length, differing, max_abs_diff: maxDiff }));
