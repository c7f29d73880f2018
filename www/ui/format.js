// Number formatting for the page: short, fixed width where it helps reading columns.

/** A number with about `digits` significant digits, or scientific when tiny or huge. */
export function num(v, digits = 3) {
  if (v === null || v === undefined) return '–';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(Math.max(0, digits - 1));
  return v.toFixed(Math.max(0, digits - 1 - Math.max(0, Math.floor(Math.log10(a || 1)))));
}

/** Fixed three decimals, for values in [-1, 1]. */
export function fixed(v, d = 3) {
  return Number.isFinite(v) ? v.toFixed(d) : String(v);
}
