// The backward panel: one BPTT step's numbers, from the gradient arriving at h_t to the
// δ_t that goes on to the step before, the norms that vanish or explode, and the running
// ∂L/∂W_hh (the engine gives the block of the candidate state, as the seed writes W_hh).
import { setRich, t } from '../../i18n.js';
import { cellScale, vectorRow } from '../../ui/vector.js';
import { makeGrid } from '../../ui/grid.js';
import { num } from '../../ui/format.js';
import { shortToken } from '../../ui/tokens.js';
import { formula } from './forward.js';

/**
 * @param {HTMLElement} el
 * @param {import('../../pkg/rnn_playground.js').SentenceInfo} info
 * @param {import('../../pkg/rnn_playground.js').BackRecord|null} rec  the last step walked back, or null
 * @param {{ready: boolean, done: boolean}} state
 */
export function renderBackward(el, info, rec, { ready, done }) {
  el.replaceChildren();
  const h = document.createElement('h2');
  el.append(h);
  const f = formula(info.cell === 'simple_rnn' ? 'bptt' : 'dh');
  // Before a step back it holds only what to press: not printed (style.css).
  el.toggleAttribute('data-empty', !rec);
  if (!rec) {
    h.textContent = t('back.idle');
    if (ready) el.append(f);
    return;
  }
  h.textContent = `${t('back.title', { t: rec.t + 1 })} · “${shortToken(info.tokens[rec.t], 20)}”`;
  el.append(f, formula('dwhh'));
  const box = document.createElement('div');
  box.className = 'vectors';
  box.dataset.testid = 'backward-grid';
  box.append(
    vectorRow(t('vec.dhout'), rec.dhOut, { testid: 'vec-dhout' }),
    vectorRow(t('vec.dhnext'), rec.dhNext, { testid: 'vec-dhnext' }),
    vectorRow(t('vec.dh'), rec.dh, { testid: 'vec-dh' }),
    vectorRow(t('vec.delta'), rec.delta, { testid: 'vec-delta' }),
  );
  el.append(makeGrid(box, t('grid.backward')), cellScale(t));
  if (info.units <= 16) el.append(gradientMatrix(info, rec));
  const p = document.createElement('p');
  p.className = 'readout';
  p.dataset.testid = 'back-norms';
  setRich(p, `${t('back.norm', { norm: num(rec.dhNorm, 3) })} · ${t('back.whh', { norm: num(rec.dRecurrentNorm, 3) })}`);
  el.append(p);
  if (done) {
    const d = document.createElement('p');
    d.className = 'note';
    setRich(d, t('back.done'));
    el.append(d);
  }
}

/** The running ∂L/∂W_hh as a grid of cells: row i = unit i of h_t, column j = unit j of h_{t−1}. */
function gradientMatrix(info, rec) {
  const box = document.createElement('div');
  box.className = 'vectors matrix';
  box.dataset.testid = 'grad-whh';
  const title = document.createElement('p');
  title.className = 'hint';
  setRich(title, t(info.cell === 'simple_rnn' ? 'back.matrix' : 'back.matrixGate', { gate: rec.gate }));
  const grid = document.createElement('div');
  const range = Math.max(1e-12, ...rec.dWhh.flat().map((v) => (Number.isFinite(v) ? Math.abs(v) : 0)));
  rec.dWhh.forEach((row, i) => grid.append(vectorRow(`${i + 1}`, row, { range })));
  box.append(title, makeGrid(grid, title.textContent));
  return box;
}
