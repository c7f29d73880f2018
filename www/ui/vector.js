// A vector as a row of small coloured cells: the colour is the value, the exact number
// appears on hover or keyboard focus (and is read by screen readers), and on paper in the
// cell itself (style.css). Rows go in a grid
// (ui/grid.js): one tab stop for the block, arrows inside.
import { diverging, inkFor } from './palette.js';
import { fixed } from './format.js';
import { shortToken } from './tokens.js';
import { plainText, setRich } from '../i18n.js';

/**
 * @param {string} label   what the vector is (e.g. "h_t")
 * @param {ArrayLike<number>} values
 * @param {{range?: number, names?: string[], testid?: string, highlight?: number}} opts
 */
export function vectorRow(label, values, opts = {}) {
  const row = document.createElement('div');
  row.className = 'vec';
  row.setAttribute('role', 'row');
  if (opts.testid) row.dataset.testid = opts.testid;
  const name = document.createElement('span');
  name.className = 'vec-label';
  name.setAttribute('role', 'rowheader');
  setRich(name, label);
  row.append(name);
  const cells = document.createElement('div');
  cells.className = 'cells';
  cells.setAttribute('role', 'presentation');
  const range = opts.range ?? Math.max(1e-6, ...Array.from(values, (v) => (Number.isFinite(v) ? Math.abs(v) : 0)));
  Array.from(values).forEach((v, i) => {
    const cell = document.createElement('span');
    cell.className = 'cell';
    cell.tabIndex = -1;
    cell.setAttribute('role', 'gridcell');
    const who = opts.names ? opts.names[i] : `${i + 1}`;
    const text = `${who}: ${fixed(v, 4)}`;
    cell.dataset.tip = text;
    cell.setAttribute('aria-label', `${plainText(label)} ${text}`);
    cell.style.background = diverging(v, range);
    cell.style.color = inkFor(v, range);
    if (opts.names) cell.textContent = shortToken(opts.names[i], 6);
    else cell.dataset.num = fixed(v, 2);
    if (opts.highlight === i) cell.classList.add('hot');
    cells.append(cell);
  });
  row.append(cells);
  return row;
}

/** The colour scale of the cells: −, 0, + and what each row is scaled to. */
export function cellScale(t) {
  const p = document.createElement('p');
  p.className = 'scale';
  p.dataset.testid = 'cell-scale';
  const lo = document.createElement('span');
  lo.textContent = '−';
  const bar = document.createElement('span');
  bar.className = 'bar';
  bar.setAttribute('aria-hidden', 'true');
  const hi = document.createElement('span');
  hi.textContent = '+';
  const text = document.createElement('span');
  text.textContent = t('scale.cells');
  const hover = document.createElement('span');
  hover.className = 'screen-only';
  hover.textContent = t('scale.hover');
  const paper = document.createElement('span');
  paper.className = 'print-only';
  paper.textContent = t('scale.printed');
  p.append(lo, bar, hi, text, hover, paper);
  return p;
}
