// When a view's charts are drawn. Drawing is the page's costliest work after training, so:
// - sizes come from a ResizeObserver, never from reading the layout (no forced layout);
// - several changes in one frame draw a chart once, in the next animation frame, and a
//   frame draws for at most about 12 ms, leaving the rest to the next;
// - a chart off screen is not drawn: it is drawn when it comes near the screen, as an
//   image is loaded lazily (start-up draws only what is seen, and a phone does not spend
//   its battery on charts nobody scrolled to).

const FRAME_BUDGET_MS = 12;

/**
 * The device-pixel size of a ResizeObserver entry. devicePixelContentBoxSize is exact (no
 * rounding on a 1.25 screen), but in device emulation (Chrome's device toolbar, a test's
 * deviceScaleFactor) it stays at the real screen's density while devicePixelRatio is the
 * emulated one: when the two disagree by more than rounding, the ratio wins, or every chart
 * would be drawn at a third of its size and enlarged.
 */
export function entrySize(e, dpr) {
  const css = { width: e.contentRect.width * dpr, height: e.contentRect.height * dpr };
  const device = e.devicePixelContentBoxSize?.[0];
  if (device && Math.abs(device.inlineSize - css.width) <= 1.5 && Math.abs(device.blockSize - css.height) <= 1.5) return { width: device.inlineSize, height: device.blockSize, dpr };
  return { width: Math.round(css.width), height: Math.round(css.height), dpr };
}

/**
 * @param {{root: HTMLElement, draw: (name: string, size: {width: number, height: number, dpr: number}, now: boolean) => boolean | void}} options
 *   `draw(name, size, now)` draws the chart `name` at `size` (device pixels); it may return
 *   false to say it did part of the work only (measuring what the chart shows) and wants
 *   another frame, unless `now` (everything drawn at once: the tests, printing)
 */
export function chartScheduler({ root, draw }) {
  const canvases = new Map(); // name → canvas
  const names = new Map(); // canvas → name
  const sizes = new WeakMap();
  const near = new WeakSet();
  const pending = new Set();
  let frame = 0;

  const resizes =
    typeof ResizeObserver === 'function'
      ? new ResizeObserver((entries) => {
          for (const e of entries) {
            const size = entrySize(e, window.devicePixelRatio || 1);
            const old = sizes.get(e.target);
            sizes.set(e.target, size);
            if (!old || old.width !== size.width || old.height !== size.height) redraw([names.get(e.target)]);
          }
        })
      : null;
  const visibility =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries) {
              if (e.isIntersecting) near.add(e.target);
              else near.delete(e.target);
            }
            if ([...pending].some((n) => near.has(canvases.get(n)))) schedule();
          },
          { rootMargin: '0px 0px 10% 0px' },
        )
      : null;

  /** Without ResizeObserver: the size read from the layout. */
  function measured(canvas) {
    const dpr = window.devicePixelRatio || 1;
    const r = canvas.getBoundingClientRect();
    return { width: Math.round(r.width * dpr), height: Math.round(r.height * dpr), dpr };
  }

  function drawNow(name, measure = false, now = false) {
    pending.delete(name);
    const canvas = canvases.get(name);
    const size = (measure ? measured(canvas) : null) ?? sizes.get(canvas) ?? (resizes ? null : measured(canvas));
    // Not laid out yet (or hidden): the ResizeObserver asks again once it has a size.
    if (!size || size.width === 0) return;
    // Part of the work done (a frame's worth): the chart is drawn in a later frame.
    if (draw(name, size, now) === false) pending.add(name);
  }

  // While the view opens (main.js) only its first screen is laid out, so a chart with a
  // size is on it, even before the IntersectionObserver has said so (its report comes in a
  // task of its own, at times after the frame that should draw the chart).
  const onScreen = (name) => !visibility || near.has(canvases.get(name)) || root.dataset.state === 'opening';

  function flushFrame(budget) {
    frame = 0;
    if (!root.isConnected) return;
    const start = performance.now();
    for (const name of [...pending]) {
      if (performance.now() - start > budget) break;
      if (budget === Infinity || onScreen(name)) drawNow(name, false, budget === Infinity);
    }
    if ([...pending].some(onScreen)) schedule();
  }

  function schedule() {
    frame ||= requestAnimationFrame(() => flushFrame(FRAME_BUDGET_MS));
  }

  function redraw(list) {
    for (const n of list) if (canvases.has(n)) pending.add(n);
    if (pending.size) schedule();
  }

  return {
    /** Watches the canvas of chart `name`. */
    add(name, canvas) {
      canvases.set(name, canvas);
      names.set(canvas, name);
      visibility?.observe(canvas);
      try {
        resizes?.observe(canvas, { box: 'device-pixel-content-box' });
      } catch {
        resizes?.observe(canvas); // a browser without device-pixel boxes
      }
    },
    redraw,
    /** Draws everything waiting, now, on screen or not (the benchmark's step, the tests). */
    flush() {
      cancelAnimationFrame(frame);
      flushFrame(Infinity);
    },
    /**
     * Draws every chart now at the size the layout gives it, read from the layout (before
     * printing, parts laid out only then have not been reported by the observers yet).
     */
    drawMeasured(names = [...canvases.keys()]) {
      cancelAnimationFrame(frame);
      frame = 0;
      for (const name of names) drawNow(name, true, true);
      if (pending.size) schedule();
    },
  };
}
