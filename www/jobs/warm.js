// What the worker does before a view is first built (each view's WARMUP, in its meta.js): the engine calls that view makes when
// it starts, on a throw-away object, and every one of its charts drawn.
//
// Why: Chromium compiles a WebAssembly function the first time it is called, on the thread
// that calls it. The page hands its compiled module to the worker (client.js), and the two
// share that module's code: what the worker has compiled, the page finds compiled, and a
// view's first calls and charts do not compile on the thread that answers the student.
// The charts are drawn on an OffscreenCanvas with the page's own canvas code
// (src/web/canvas.rs), not as SVG, so that code is the one compiled.
//
// A warm-up is (wasm, {config, charts, …}) → nothing: on a throw-away object, what the
// page does while its view starts and soon after (a step, the speed readout's epoch, the
// lab's parts measured when scrolled to), and every chart of the view drawn (which ones a
// screen shows at start depends on its size). `charts` are the view's chart requests
// in the page's language, `font` its font list (with it, the worker draws the Chinese
// labels in the font the page uses, without looking for a fallback font for each
// character). The page waits for all of it; its numbers go nowhere.

import { isEngineError } from '../engine.js';

/** The size the charts are drawn at: any will do, the code is the same. */
const W = 360;
const H = 240;

/**
 * A canvas for the engine's canvas code, or null in a worker without OffscreenCanvas.
 * The engine checks that it is given a <canvas> with a 2D context (`instanceof`, in its
 * JavaScript glue); a worker has neither type, and an OffscreenCanvas and its context have
 * every method the engine calls. So, in this worker only, the two names stand for the
 * offscreen types.
 */
function offscreen() {
  if (typeof OffscreenCanvas !== 'function' || typeof OffscreenCanvasRenderingContext2D !== 'function') return null;
  globalThis.HTMLCanvasElement ??= OffscreenCanvas;
  globalThis.CanvasRenderingContext2D ??= OffscreenCanvasRenderingContext2D;
  return new OffscreenCanvas(W, H);
}

/**
 * Calls `calls(obj)` and draws every request of `charts` with `obj` (on a canvas in the
 * page's `font`, or as SVG), then frees it. A call the engine refuses (a link's moment
 * that the network does not have) ends the calls, not the drawing: the page will say so
 * itself.
 */
export function warm(obj, { charts, font }, calls) {
  try {
    try {
      calls(obj);
    } catch (err) {
      if (!isEngineError(err)) throw err;
    }
    const canvas = offscreen();
    for (const request of charts) {
      if (canvas) obj.draw(canvas, { font }, request);
      else obj.drawSvg(W, H, request);
    }
  } finally {
    obj.free();
  }
}
