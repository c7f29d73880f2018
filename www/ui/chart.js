// A chart drawn by the engine on a <canvas>, with a data table as its text alternative and
// a note when some points could not be drawn.
import { t } from '../i18n.js';
import { num } from './format.js';

/**
 * Builds a <figure> with a canvas, a caption (note and "data table" toggle) and the table.
 * @param {string} testid   the canvas's test id (its height comes from the slot's class)
 */
export function chartBox(testid) {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = testid;
  canvas.setAttribute('role', 'img');
  const caption = document.createElement('figcaption');
  const note = document.createElement('p');
  note.className = 'chart-note';
  note.dataset.testid = `${testid}-note`;
  note.hidden = true;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'link';
  toggle.dataset.testid = `${testid}-table-toggle`;
  toggle.setAttribute('aria-expanded', 'false');
  const table = document.createElement('div');
  table.className = 'data-table';
  table.hidden = true;
  table.tabIndex = 0;
  table.id = `${testid}-table`;
  toggle.setAttribute('aria-controls', table.id);
  const label = () => (toggle.textContent = t(table.hidden ? 'chart.table' : 'chart.table.hide'));
  // The table is written only while it is open: most students never open it, and a step
  // would otherwise rebuild every chart's table.
  let written = null;
  const writeTable = () => {
    if (table.hidden || !last || written === last) return;
    written = last;
    table.innerHTML = renderTable(last.table);
  };
  toggle.addEventListener('click', () => {
    table.hidden = !table.hidden;
    toggle.setAttribute('aria-expanded', String(!table.hidden));
    label();
    writeTable();
  });
  label();
  caption.append(note, toggle);
  figure.append(canvas, caption, table);
  let last = null;
  let title = '';
  const box = {
    figure,
    canvas,
    /** Writes the table, open or not (a printed page shows it, style.css). */
    fillTable() {
      if (last && written !== last) {
        written = last;
        table.innerHTML = renderTable(last.table);
      }
    },
    /** The last table drawn (for exports). */
    table: () => last?.table ?? null,
    relabel() {
      label();
      if (last) box.show(last, title);
    },
    /** Names the canvas before it is drawn (a chart off screen waits until it is seen). */
    name(chartTitle) {
      if (!last) canvas.setAttribute('aria-label', `${chartTitle}. ${t('chart.described')}`);
    },
    /** Shows what drawing returned: the table and the note; names the canvas. */
    show(data, chartTitle) {
      last = data;
      title = chartTitle;
      canvas.setAttribute('aria-label', `${chartTitle}. ${t('chart.described')}`);
      // A chart with nothing in it yet ("press Train") is not printed.
      figure.toggleAttribute('data-empty', data.table.rows.length === 0);
      const hidden = data.drawn.above + data.drawn.below;
      note.hidden = hidden === 0;
      note.textContent = hidden ? t('chart.hidden.points', { n: hidden }) : '';
      writeTable();
    },
  };
  return box;
}

/**
 * Adds the chart's export menu to its caption: a button (test id `export-<id>`) that opens
 * the formats, each a button (`export-<id>-<format>`) calling `formats[format]()`.
 */
export function addExportMenu(box, id, formats) {
  const caption = box.figure.querySelector('figcaption');
  const wrap = document.createElement('span');
  wrap.className = 'export';
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'link';
  toggle.dataset.testid = `export-${id}`;
  toggle.dataset.i18n = 'chart.export';
  toggle.textContent = t('chart.export');
  toggle.setAttribute('aria-expanded', 'false');
  const menu = document.createElement('span');
  menu.className = 'export-menu';
  menu.hidden = true;
  const open = (yes) => {
    menu.hidden = !yes;
    toggle.setAttribute('aria-expanded', String(yes));
  };
  toggle.addEventListener('click', () => open(menu.hidden));
  for (const [format, run] of Object.entries(formats)) {
    const b = document.createElement('button');
    b.type = 'button';
    b.dataset.testid = `export-${id}-${format}`;
    b.dataset.i18n = `chart.export.${format}`;
    b.textContent = t(`chart.export.${format}`);
    b.addEventListener('click', async () => {
      open(false);
      await run();
    });
    menu.append(b);
  }
  wrap.append(toggle, menu);
  caption.append(wrap);
  // The menu closes when the focus or a click goes elsewhere.
  document.addEventListener('click', (e) => !wrap.contains(e.target) && open(false));
}

/** Adds controls (a select, a checkbox) to a chart's caption, beside its table toggle. */
export function addTools(box, ...tools) {
  const caption = box.figure.querySelector('figcaption');
  const wrap = document.createElement('span');
  wrap.className = 'chart-tools';
  wrap.append(...tools);
  caption.append(wrap);
}

function cell(c, whole) {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return whole ? String(c) : num(c, 4);
  return String(c);
}

/** The most rows a printed table keeps (a 300-epoch loss table was seven pages). */
const PRINTED_ROWS = 25;

/** A table of the engine's `{columns, rows}` as HTML (escaped). A column of whole numbers
 * (steps, updates, lengths) is printed as whole numbers, not 1.000 … 99.00, 100.0. On
 * paper a long table keeps every k-th row and its last, and says so. */
export function renderTable(table) {
  const whole = table.columns.map((_, i) => table.rows.every((r) => typeof r[i] !== 'number' || (Number.isInteger(r[i]) && Math.abs(r[i]) < 1e9)));
  const n = table.rows.length;
  const every = Math.ceil(n / PRINTED_ROWS);
  const html = [every > 1 ? `<p class="print-only">${escape(t('chart.printedRows', { every, n }))}</p>` : '', '<table><thead><tr>', ...table.columns.map((h) => `<th scope="col">${escape(h)}</th>`), '</tr></thead><tbody>'];
  table.rows.forEach((r, k) => {
    html.push(k % every === 0 || k === n - 1 ? '<tr>' : '<tr class="print-skip">', ...r.map((c, i) => `<td>${escape(cell(c, whole[i]))}</td>`), '</tr>');
  });
  html.push('</tbody></table>');
  return html.join('');
}

/**
 * Gives the canvas `size` ({width, height} in device pixels, as a ResizeObserver measured
 * its box) and returns the scale to draw at (canvas pixels per CSS pixel, at most 2: on
 * a phone with 3 device pixels to each CSS pixel, a canvas at 3 has 2.25 times the pixels
 * to fill and to hand to the compositor, for a difference the eye does not see).
 */
export function sizeCanvas(canvas, size) {
  const scale = Math.min(2, size.dpr || 1);
  const ratio = scale / (size.dpr || 1);
  const w = Math.max(50, Math.round(size.width * ratio));
  const h = Math.max(50, Math.round(size.height * ratio));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return scale;
}

function escape(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
