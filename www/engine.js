// Loads the WebAssembly engine and turns its failures into something the page can show.
//
// - An engine error (bad settings, a bad file) is a thrown `Error` named `RnnError` whose
//   `detail` is `{kind, ...fields}`; the page words it with `errorText` (i18n.js).
// - A trap (a panic, an out-of-memory abort) leaves the module unusable: Rust built for
//   WebAssembly cannot catch a panic. `guard` then restarts the module from the same
//   compiled code (`__wbg_reset_state`), tells every listener to rebuild its engine
//   objects from the page's settings, and reports what happened.
import init, * as wasm from './pkg/rnn_playground.js';

let ready = null;
let compiled = null;
const resetListeners = new Set();
let generation = 0;

/** The engine's code, compiled while it downloads (index.html preloads it). */
async function compile() {
  const url = new URL('./pkg/rnn_playground_bg.wasm', import.meta.url);
  const response = fetch(url);
  try {
    return await WebAssembly.compileStreaming(response);
  } catch {
    // A host that does not say `application/wasm`: compile from the bytes instead.
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${r.status} ${r.statusText} ${url}`);
    return WebAssembly.compile(await r.arrayBuffer());
  }
}

/**
 * Initialises the module once and resolves to its exports. `module`: code compiled
 * elsewhere (the page hands its own to the worker, so it is compiled only once).
 */
export function loadEngine(module = null) {
  ready ??= (module ? Promise.resolve(module) : compile()).then(async (m) => {
    await init({ module_or_path: m });
    compiled = m;
    return wasm;
  });
  return ready;
}

/** The compiled module (after `loadEngine`), to start another instance from. */
export function compiledEngine() {
  return compiled;
}

/** True for an error the engine reports about its input. */
export function isEngineError(err) {
  return err?.name === 'RnnError' && err.detail && typeof err.detail.kind === 'string';
}

/** True for failures that mean the module itself broke (a panic, a trap). */
export function isTrap(err) {
  return err instanceof WebAssembly.RuntimeError || /unreachable|recursive use of an object|null pointer passed to rust|Invalid stale object/i.test(String(err?.message));
}

/** Counts restarts: an engine object made before a restart must be made again. */
export function engineGeneration() {
  return generation;
}

/**
 * `fn(info)` runs after a restart, with {message}: the panic's message, or '' for a trap
 * without one (an allocation that failed aborts with only "unreachable"; the page words
 * that itself).
 */
export function onEngineReset(fn) {
  resetListeners.add(fn);
  return () => resetListeners.delete(fn);
}

/** Restarts the module after a trap and tells the listeners (once per trap). */
function restart(err) {
  let message = null;
  try {
    message = wasm.lastPanic() ?? null;
  } catch {
    // The module is too broken to say.
  }
  // Without a panic the trap says only "unreachable" (or the like): nothing for a reader.
  message ||= '';
  wasm.__wbg_reset_state();
  generation += 1;
  for (const fn of resetListeners) {
    try {
      fn({ message });
    } catch (e) {
      console.error(e);
    }
  }
  return message;
}

/**
 * Runs `fn`. A trap restarts the engine (see above) and is rethrown as an `Error` named
 * `EngineRestarted`; other errors are rethrown for the caller to show.
 */
export function guard(fn) {
  try {
    return fn();
  } catch (err) {
    if (isTrap(err)) {
      const message = restart(err);
      const e = new Error(message);
      e.name = 'EngineRestarted';
      throw e;
    }
    throw err;
  }
}

export { wasm };
