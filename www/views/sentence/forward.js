// The forward panel: the cell's formula, typeset, and this step's vectors as coloured
// cells; and the prediction panel: the softmax probabilities as bars.
import formulas from 'virtual:formulas';
import { t } from '../../i18n.js';
import { vectorRow } from '../../ui/vector.js';
import { num } from '../../ui/format.js';

function formula(name) {
  const div = document.createElement('div');
  div.className = 'formula';
  div.innerHTML = formulas[name];
  return div;
}

function heading(text) {
  const h = document.createElement('h3');
  h.textContent = text;
  return h;
}

function para(text, cls = 'hint') {
  const p = document.createElement('p');
  p.className = cls;
  p.textContent = text;
  return p;
}

/** Splits gate activations [k·U] into k vectors of U. */
function gates(z, k, u) {
  return Array.from({ length: k }, (_, g) => z.slice(g * u, (g + 1) * u));
}

/**
 * @param {HTMLElement} el
 * @param {{vocabulary: string[], cell: string, gates: string[], units: number, tokens: string[]}} info
 * @param {any|null} rec   the StepRecord of the current step, or null before the first
 * @param {{done: boolean}} state
 */
export function renderForward(el, info, rec, { done }) {
  el.replaceChildren();
  const cell = info.cell;
  if (!rec) {
    el.append(heading(t('forward.idle')), formula(cell === 'simple_rnn' ? 'simple_rnn' : cell), formula('output'), para(t(`explain.${cell}`)));
    return;
  }
  const token = info.vocabulary[rec.input];
  el.append(heading(`${t('forward.title', { t: rec.t + 1 })} · “${token}”`));
  el.append(formula(cell === 'simple_rnn' ? 'simple_rnn_z' : cell), formula('output'));
  const u = info.units;
  const rows = [vectorRow(t('vec.x'), info.vocabulary.map((_, i) => (i === rec.input ? 1 : 0)), { names: info.vocabulary, range: 1, testid: 'vec-x' })];
  rows.push(vectorRow(t('vec.hprev'), rec.h_prev, { range: 1, testid: 'vec-hprev' }));
  if (cell === 'simple_rnn') {
    rows.push(vectorRow(t('vec.z'), rec.z, { testid: 'vec-z' }));
  } else {
    if (cell === 'lstm') rows.push(vectorRow(t('vec.cprev'), rec.c_prev, { testid: 'vec-cprev' }));
    gates(rec.z, info.gates.length, u).forEach((g, i) => rows.push(vectorRow(t(`gate.${info.gates[i]}`), g, { range: 1, testid: `gate-${info.gates[i]}` })));
    if (cell === 'lstm') rows.push(vectorRow(t('vec.c'), rec.c, { testid: 'vec-c' }));
  }
  rows.push(vectorRow(t('vec.h'), rec.h, { range: 1, testid: 'vec-h' }));
  rows.push(vectorRow(t('vec.y'), rec.logits, { names: info.vocabulary, testid: 'vec-y' }));
  const box = document.createElement('div');
  box.className = 'vectors';
  box.append(...rows);
  el.append(box);
  if (done) el.append(para(t('forward.done'), 'note'));
}

/** The bars of p_t over the vocabulary, the true next token marked. */
export function renderPrediction(el, info, rec) {
  el.replaceChildren(heading(t('pred.title')));
  if (!rec) return el.append(para(t('pred.idle')));
  const list = document.createElement('ol');
  list.className = 'bars';
  const best = rec.probs.indexOf(Math.max(...rec.probs));
  info.vocabulary.forEach((tok, i) => {
    const li = document.createElement('li');
    li.className = 'bar';
    if (i === rec.target) li.classList.add('truth');
    if (i === best) li.classList.add('best');
    li.dataset.testid = `bar-${i}`;
    const p = rec.probs[i];
    li.innerHTML = `<span class="tok"></span><span class="track"><span class="fill" style="width:${(p * 100).toFixed(1)}%"></span></span><span class="p">${num(p, 3)}</span>`;
    li.querySelector('.tok').textContent = tok;
    if (i === rec.target) {
      const mark = document.createElement('span');
      mark.className = 'truth-mark';
      mark.textContent = t('pred.truth');
      li.append(mark);
    }
    list.append(li);
  });
  el.append(list, para(t('pred.loss', { loss: num(rec.loss, 3) }), 'readout'));
}
