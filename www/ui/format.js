// Number formatting for the page: short, with as many significant digits as asked.

/** `v` with `digits` significant digits; scientific when tiny or huge. */
export function num(v, digits = 3) {
  if (v === null || v === undefined) return '–';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a < 1e-3 || a >= 1e5) return v.toExponential(Math.max(0, digits - 1));
  if (a >= 10 ** digits) return v.toFixed(0);
  return v.toPrecision(digits);
}

/** Fixed decimals, for values in [-1, 1]. */
export function fixed(v, d = 3) {
  return Number.isFinite(v) ? v.toFixed(d) : String(v);
}
