// The error banner (the engine broke: reload) and the dismissable notice (a setting was
// not understood, training stopped, ...).

let panicSource = () => null;

/** Where to look for the engine's last panic message (set by the engine loader). */
export function setPanicSource(fn) {
  panicSource = fn;
}

/** Shows the red banner with the engine's message. */
export function showBanner(detail) {
  const el = document.getElementById('error-banner');
  if (!el) return;
  el.querySelector('[data-role=detail]').textContent = detail;
  el.hidden = false;
  el.focus();
}

/** Shows a notice; `kind` is 'info' or 'warn'. */
export function showNotice(text, kind = 'info') {
  const el = document.getElementById('notice');
  if (!el) return;
  el.querySelector('[data-role=text]').textContent = text;
  el.dataset.kind = kind;
  el.hidden = false;
}

export function hideNotice() {
  const el = document.getElementById('notice');
  if (el) el.hidden = true;
}

/** Wires the banner's reload button and the notice's dismiss button. */
export function initBanners() {
  document.querySelector('#error-banner button')?.addEventListener('click', () => location.reload());
  document.querySelector('#notice button')?.addEventListener('click', hideNotice);
  window.addEventListener('error', (e) => {
    if (e.error instanceof WebAssembly.RuntimeError) showBanner(panicSource() || e.error.message);
  });
  window.addEventListener('unhandledrejection', (e) => {
    if (e.reason instanceof WebAssembly.RuntimeError) showBanner(panicSource() || e.reason.message);
  });
}
