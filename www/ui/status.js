// Status lines whose text is made from data (progress, results): they remember how to make
// it, so a language switch rewrites them in the new language.

/** A set of status lines that can be rewritten together. */
export function statusLines() {
  const makers = new Map();
  return {
    /** Shows `make()` in `el` now and again on every `refresh()`; `null` clears it. */
    set(el, make) {
      if (make) makers.set(el, make);
      else makers.delete(el);
      el.textContent = make ? make() : '';
    },
    refresh() {
      for (const [el, make] of makers) el.textContent = make();
    },
  };
}
