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
