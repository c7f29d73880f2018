// A chart drawn by the engine on a <canvas>, with a data table as its text alternative.
import { t } from '../i18n.js';

/**
 * Builds <figure> with a canvas and a "data table" toggle.
 * @returns {{figure: HTMLElement, canvas: HTMLCanvasElement, setTable: (headers: string[], rows: any[][]) => void}}
 */
export function chartBox(testid, height = 240) {
  const figure = document.createElement('figure');
  figure.className = 'chart';
  const canvas = document.createElement('canvas');
  canvas.dataset.testid = testid;
  canvas.style.height = `${height}px`;
  canvas.setAttribute('role', 'img');
  const caption = document.createElement('figcaption');
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'link';
  toggle.dataset.testid = `${testid}-table-toggle`;
  toggle.setAttribute('aria-expanded', 'false');
  const table = document.createElement('div');
  table.className = 'data-table';
  table.hidden = true;
  const label = () => (toggle.textContent = t(table.hidden ? 'chart.table' : 'chart.table.hide'));
  toggle.addEventListener('click', () => {
    table.hidden = !table.hidden;
    toggle.setAttribute('aria-expanded', String(!table.hidden));
    label();
  });
  label();
  caption.append(toggle);
  figure.append(canvas, caption, table);
  return {
    figure,
    canvas,
    relabel: label,
    setTable(headers, rows) {
      const html = ['<table><thead><tr>', ...headers.map((h) => `<th scope="col">${escape(h)}</th>`), '</tr></thead><tbody>'];
      for (const r of rows) html.push('<tr>', ...r.map((c) => `<td>${escape(String(c))}</td>`), '</tr>');
      html.push('</tbody></table>');
      table.innerHTML = html.join('');
    },
  };
}

/** Sizes the canvas to its box in device pixels and returns the device-pixel ratio. */
export function fitCanvas(canvas) {
  const dpr = Math.min(3, window.devicePixelRatio || 1);
  const r = canvas.getBoundingClientRect();
  const w = Math.max(50, Math.round(r.width * dpr));
  const h = Math.max(50, Math.round(r.height * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return dpr;
}

function escape(s) {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}
