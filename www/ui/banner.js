// The notice line (a setting was not used, training stopped, the engine restarted, ...),
// with a dismiss button, and the words for any error the page meets.
import { errorText, t } from '../i18n.js';
import { isEngineError } from '../engine.js';

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

/** What an error says, in the page's words: an engine error by its kind, a restart. */
export function describeError(err) {
  if (isEngineError(err)) return errorText(err.detail);
  if (err?.name === 'EngineRestarted') return t('error.restarted', { message: err.message || t('error.aborted') });
  return String(err?.message || err);
}

/** Shows an error as a warning notice. */
export function showError(err) {
  showNotice(describeError(err), 'warn');
}

/** Wires the notice's dismiss button, and shows errors nobody caught. */
export function initBanners() {
  document.querySelector('#notice button')?.addEventListener('click', hideNotice);
  const uncaught = (err) => {
    if (err && (isEngineError(err) || err.name === 'EngineRestarted' || err instanceof WebAssembly.RuntimeError)) showError(err);
  };
  window.addEventListener('error', (e) => uncaught(e.error));
  window.addEventListener('unhandledrejection', (e) => uncaught(e.reason));
}
