// Status lines whose text is made from data (progress, results): they remember how to make
// it, so a language switch rewrites them in the new language. Subscripts are real (x_t).
import { setRich } from '../i18n.js';

/** A set of status lines that can be rewritten together. */
export function statusLines() {
  const makers = new Map();
  return {
    /** Shows `make()` in `el` now and again on every `refresh()`; `null` clears it. */
    set(el, make) {
      if (make) makers.set(el, make);
      else makers.delete(el);
      if (make) setRich(el, make());
      else el.textContent = '';
    },
    refresh() {
      for (const [el, make] of makers) setRich(el, make());
    },
  };
}
