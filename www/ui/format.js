// Number formatting for the page: short, with as many significant digits as asked, and
// never "NaN" or "Infinity": a number float32 cannot hold is shown as an overflow.
import { groupDigits, t } from '../i18n.js';

/** The largest float32. */
export const F32_MAX = 3.4028234663852886e38;

/** `v` with `digits` significant digits; scientific when tiny or huge; overflow in words. */
export function num(v, digits = 3) {
  if (v === null || v === undefined) return '–';
  if (Number.isNaN(v)) return t('num.nan');
  if (!Number.isFinite(v)) return t(v > 0 ? 'num.overflow' : 'num.underflow');
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a < 1e-3 || a >= 1e5) return v.toExponential(Math.max(0, digits - 1));
  if (a >= 10 ** digits) return v.toFixed(0);
  return v.toPrecision(digits);
}

/** A whole number with thousands separated by commas (i18n.js's `groupDigits`). */
export function whole(v) {
  const n = Math.round(v);
  return Number.isFinite(n) ? groupDigits(n) : num(v);
}

/** A moment as local date and time, "2026-12-03 14:05" (not `toLocaleString`, as above). */
export function dateTime(ms) {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '–';
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Fixed decimals, for values in [-1, 1]. */
export function fixed(v, d = 3) {
  return Number.isFinite(v) ? v.toFixed(d) : num(v);
}

/** Whether a number can be shown as one (finite). */
export function finite(v) {
  return typeof v === 'number' && Number.isFinite(v);
}
