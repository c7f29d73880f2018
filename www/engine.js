// Loads the WebAssembly engine and turns its failures into something the page can show.
//
// - An engine error (bad settings, a bad file) is a thrown `Error` named `RnnError` whose
//   `detail` is `{kind, ...fields}`; the page words it with `errorText` (i18n.js).
// - A trap (a panic, an out-of-memory abort) leaves a module unusable: Rust built for
//   WebAssembly cannot catch a panic. `guard` then restarts the loaded modules from the
//   same compiled code (`__wbg_reset_state`), tells every listener to rebuild its engine
//   objects from the page's settings, and reports what happened.

// The engine comes in one module per view, each with only that view's binding
// (scripts/build-wasm.sh): a link to one view downloads one. They share nothing: an object
// made by one module is used with that module only. Every module has what is common (the
// settings' schema, errors, panics). Each view's meta.js says where its module is
// (views/index.js: ENGINES).
import { ENGINES } from './views/index.js';


/** part → {ready: Promise of the exports, exports (once ready), compiled} */
const loaded = new Map();
const resetListeners = new Set();
let generation = 0;

const progressListeners = new Set();

/**
 * Calls `fn({part, received, total})` as a module downloads (bytes; `total` is 0 when the
 * host does not say, or says the compressed size of a body the browser unpacks).
 * Returns a function that stops the calls.
 */
export function onEngineProgress(fn) {
  progressListeners.add(fn);
  return () => progressListeners.delete(fn);
}

/** The response, with its body counted as it arrives (headers kept for compileStreaming). */
function counted(part, response) {
  if (!response.ok || !response.body || progressListeners.size === 0 || typeof TransformStream !== 'function') return response;
  const length = Number(response.headers.get('content-length')) || 0;
  // A compressed download's length is not what the body brings: the build's figure is.
  const built = typeof __ENGINE_BYTES__ === 'object' ? __ENGINE_BYTES__[part] : 0;
  const total = response.headers.get('content-encoding') ? built || 0 : length;
  let received = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      for (const fn of progressListeners) fn({ part, received, total });
      controller.enqueue(chunk);
    },
  });
  return new Response(response.body.pipeThrough(counter), { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** A module's code, compiled while it downloads. */
async function compile(url, part) {
  const response = fetch(url).then((r) => counted(part, r));
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
 * Initialises the module of `part` (views/index.js: a view's `meta.ENGINE.part`) once and resolves to its
 * exports. `module`: its code compiled elsewhere (the page hands its own to the worker, so
 * it is compiled only once). A failed load is forgotten, so a later call tries again.
 */
export function loadEngine(part, module = null) {
  const spec = ENGINES[part];
  if (!spec) return Promise.reject(new Error(`no engine module named ${part}`));
  let entry = loaded.get(part);
  if (entry) return entry.ready;
  entry = { ready: null, exports: null, compiled: null };
  entry.ready = Promise.all([spec.glue(), module ? Promise.resolve(module) : compile(spec.url(), part)])
    .then(async ([glue, m]) => {
      await glue.default({ module_or_path: m });
      entry.compiled = m;
      entry.exports = glue;
      return glue;
    })
    .catch((err) => {
      loaded.delete(part);
      throw err;
    });
  loaded.set(part, entry);
  return entry.ready;
}

/** The exports of `part`'s module if it has loaded, else null. */
export function loadedEngine(part) {
  return loaded.get(part)?.exports ?? null;
}

/** The compiled code of `part`'s module (after `loadEngine`), to start another instance from. */
export function compiledEngine(part) {
  return loaded.get(part)?.compiled ?? null;
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

/**
 * Restarts the modules after a trap and tells the listeners (once per trap). Every loaded
 * module restarts: a trap does not say which module it came from, and the listeners
 * rebuild every view's objects anyway.
 */
function restart() {
  let message = '';
  for (const { exports } of loaded.values()) {
    if (!exports) continue;
    try {
      // Without a panic the trap says only "unreachable" (or the like): nothing for a reader.
      message ||= exports.lastPanic() ?? '';
    } catch {
      // The module is too broken to say.
    }
    exports.__wbg_reset_state();
  }
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
      const message = restart();
      const e = new Error(message);
      e.name = 'EngineRestarted';
      throw e;
    }
    throw err;
  }
}

