// Loads the WebAssembly engine and turns its failures into something the page can show.
// A Rust error (bad settings) comes back as an Error with the engine's message; a panic
// or a trap means the engine is unusable, so the page shows the error banner.
import init, * as wasm from './pkg/rnn_playground.js';
import { setPanicSource, showBanner } from './ui/banner.js';

let ready = null;

/** Initialises the module once; resolves to the module's exports. */
export function loadEngine() {
  ready ??= init().then(() => {
    setPanicSource(safePanicMessage);
    return wasm;
  });
  return ready;
}

/** True for failures that mean the engine itself broke (a panic, a trap). */
export function isFatal(err) {
  return err instanceof WebAssembly.RuntimeError || /unreachable|recursive use of an object|null pointer passed to rust/i.test(String(err?.message));
}

/**
 * Runs `fn`; a fatal failure shows the banner (with the panic message when there is one)
 * and is rethrown; other errors are rethrown for the caller to show.
 */
export function guard(fn) {
  try {
    return fn();
  } catch (err) {
    if (isFatal(err)) {
      const detail = safePanicMessage() || String(err?.message || err);
      showBanner(detail);
    }
    throw err;
  }
}

function safePanicMessage() {
  try {
    return wasm.lastPanic();
  } catch {
    return null;
  }
}

export { wasm };
