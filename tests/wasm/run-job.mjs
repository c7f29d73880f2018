// Runs a page job (www/views/*/meta.js) as the worker runs it: in chunks, on its own engine
// objects, in this Node process's WebAssembly build.
import engine from './load.mjs';
import { JOBS } from '../../www/views/index.js';

/**
 * Runs job `name` to the end in chunks of `chunk`; returns [result, progress reports].
 * `wasm`: the module to run it on (the whole binding by default).
 */
export function runJob(name, payload, chunk, cache = new Map(), wasm = engine) {
  const spec = JOBS[name];
  const state = spec.start(wasm, payload, cache);
  const reports = [];
  for (;;) {
    const p = spec.step(state, chunk);
    reports.push(p);
    if (p.done) return [spec.result(state), reports];
  }
}
