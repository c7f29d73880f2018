// Loads the WebAssembly build (www/pkg, made by scripts/build-wasm.sh) in Node, through
// the same ES module the page imports.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as engine from '../../www/pkg/rnn_playground.js';

const wasmPath = fileURLToPath(new URL('../../www/pkg/rnn_playground_bg.wasm', import.meta.url));
const instance = engine.initSync({ module: readFileSync(wasmPath) });

export default engine;

/** Bytes of the module's memory now (it only grows: a refusal must not grow it). */
export function memoryBytes() {
  return instance.memory.buffer.byteLength;
}

/** Reads a JSON file relative to the repository root. */
export function readJson(path) {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url)), 'utf8'));
}

/** max|a - b| / max|b| over two nested arrays (or numbers). */
export function normwise(a, b) {
  const fa = [a].flat(Infinity);
  const fb = [b].flat(Infinity);
  if (fa.length !== fb.length) return Infinity;
  const scale = Math.max(...fb.map(Math.abs));
  const diff = Math.max(...fa.map((x, i) => Math.abs(x - fb[i])));
  return scale === 0 ? diff : diff / scale;
}
