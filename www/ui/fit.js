// A formula that is wider than its box is set smaller until it fits (down to a floor,
// below which it scrolls as before): in a narrow lesson panel, a formula cut off at its
// right edge is one a class reads wrongly.

const FLOOR = 0.6;
const watched = new WeakSet();

/** Fits `el`'s content to its width now and whenever the box changes size. */
export function fitWidth(el) {
  fit(el);
  // (KaTeX's fonts change the width once they have loaded.)
  document.fonts?.ready.then(() => fit(el));
  if (watched.has(el) || typeof ResizeObserver === 'undefined') return;
  watched.add(el);
  let width = el.clientWidth;
  new ResizeObserver(() => {
    // (Only a new width: the smaller text changes the height, which must not refit.)
    if (el.clientWidth !== width) {
      width = el.clientWidth;
      fit(el);
    }
  }).observe(el);
}

function fit(el) {
  el.style.fontSize = '';
  if (el.hidden || !el.clientWidth) return;
  const over = el.scrollWidth / el.clientWidth;
  if (over <= 1) return;
  const size = parseFloat(getComputedStyle(el).fontSize);
  el.style.fontSize = `${(size * Math.max(FLOOR, 0.98 / over)).toFixed(2)}px`;
}
