// The backward panel: one BPTT step's numbers, from the gradient arriving at h_t to the
// δ_t that goes on to the step before, and the norms that vanish or explode.
import formulas from 'virtual:formulas';
import { t } from '../../i18n.js';
import { vectorRow } from '../../ui/vector.js';
import { num } from '../../ui/format.js';

/**
 * @param {HTMLElement} el
 * @param {any} info
 * @param {any|null} rec    the BackRecord of the last backward step, or null
 * @param {{ready: boolean, done: boolean}} state
 */
export function renderBackward(el, info, rec, { ready, done }) {
  el.replaceChildren();
  const h = document.createElement('h3');
  el.append(h);
  const f = document.createElement('div');
  f.className = 'formula';
  f.innerHTML = info.cell === 'simple_rnn' ? formulas.bptt : formulas.dh;
  if (!rec) {
    h.textContent = t('back.idle');
    if (ready) el.append(f);
    return;
  }
  h.textContent = `${t('back.title', { t: rec.t + 1 })} · “${info.tokens[rec.t]}”`;
  const g = document.createElement('div');
  g.className = 'formula';
  g.innerHTML = formulas.dwhh;
  el.append(f, g);
  const box = document.createElement('div');
  box.className = 'vectors';
  box.append(
    vectorRow(t('vec.dhout'), rec.dh_out, { testid: 'vec-dhout' }),
    vectorRow(t('vec.dhnext'), rec.dh_next, { testid: 'vec-dhnext' }),
    vectorRow(t('vec.dh'), rec.dh, { testid: 'vec-dh' }),
    vectorRow(t('vec.delta'), rec.delta, { testid: 'vec-delta' }),
  );
  el.append(box);
  if (info.units <= 16) el.append(gradientMatrix(info, rec.d_recurrent));
  const p = document.createElement('p');
  p.className = 'readout';
  p.dataset.testid = 'back-norms';
  p.textContent = `${t('back.norm', { norm: num(rec.dh_norm, 3) })} · ${t('back.whh', { norm: num(rec.d_recurrent_norm, 3) })}`;
  el.append(p);
  if (done) {
    const d = document.createElement('p');
    d.className = 'note';
    d.textContent = t('back.done');
    el.append(d);
  }
}

/**
 * The running ∂L/∂W_hh as a grid of cells, row i = unit i of h_t, column j = unit j of
 * h_{t-1} (the seed's orientation; the engine keeps Keras's transpose). For the LSTM and
 * the GRU it is the block of the candidate (c or h̃).
 */
function gradientMatrix(info, dRecurrent) {
  const u = info.units;
  const ku = u * info.gates.length;
  const gate = info.cell === 'simple_rnn' ? 0 : 2;
  const box = document.createElement('div');
  box.className = 'vectors matrix';
  box.dataset.testid = 'grad-whh';
  const title = document.createElement('p');
  title.className = 'hint';
  title.textContent = t(info.cell === 'simple_rnn' ? 'back.matrix' : 'back.matrixGate', { gate: info.gates[gate] });
  box.append(title);
  const range = Math.max(1e-12, ...dRecurrent.map(Math.abs));
  for (let i = 0; i < u; i++) {
    const row = Array.from({ length: u }, (_, j) => dRecurrent[j * ku + gate * u + i]);
    box.append(vectorRow(`${i + 1}`, row, { range }));
  }
  return box;
}
