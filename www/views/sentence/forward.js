// The forward panel: the cell's formula, typeset, and this step's vectors as coloured
// cells (one grid: one tab stop, arrows inside); and the prediction panel: the softmax
// probabilities as bars.
import formulas from 'virtual:formulas';
import { t } from '../../i18n.js';
import { cellScale, vectorRow } from '../../ui/vector.js';
import { makeGrid } from '../../ui/grid.js';
import { num } from '../../ui/format.js';
import { shortToken } from '../../ui/tokens.js';

/** A typeset formula that scrolls sideways when it does not fit, and says so. */
export function formula(name) {
  const div = document.createElement('div');
  div.className = 'formula';
  div.tabIndex = 0;
  div.setAttribute('role', 'group');
  div.setAttribute('aria-label', t('formula.label'));
  div.innerHTML = formulas[name];
  return div;
}

function heading(text) {
  const h = document.createElement('h2');
  h.textContent = text;
  return h;
}

function para(text, cls = 'hint') {
  const p = document.createElement('p');
  p.className = cls;
  p.textContent = text;
  return p;
}

/** The vocabulary as shown: the end marker in the page's words. */
export function shownVocabulary(info) {
  return info.vocabulary.map((tok, i) => (i === info.endId ? t('strip.endShort') : tok));
}

/**
 * @param {HTMLElement} el
 * @param {import('../../pkg/rnn_playground.js').SentenceInfo} info
 * @param {import('../../pkg/rnn_playground.js').StepRecord|null} rec  the current step, or null before the first
 * @param {{done: boolean, bptt: boolean}} state  `bptt`: whether BPTT step is shown (a lesson's chapter may hide it)
 */
export function renderForward(el, info, rec, { done, bptt = true }) {
  el.replaceChildren();
  const cell = info.cell;
  if (!rec) {
    el.append(heading(t('forward.idle')), formula(cell === 'simple_rnn' ? 'simple_rnn' : cell), formula('output'), para(t(`explain.${cell}`)));
    return;
  }
  const vocab = shownVocabulary(info);
  el.append(heading(`${t('forward.title', { t: rec.t + 1 })} · “${shortToken(vocab[rec.input], 20)}”`));
  el.append(formula(cell === 'simple_rnn' ? 'simple_rnn_z' : cell), formula('output'));
  const rows = [vectorRow(t('vec.x'), vocab.map((_, i) => (i === rec.input ? 1 : 0)), { names: vocab, range: 1, testid: 'vec-x' })];
  rows.push(vectorRow(t('vec.hprev'), rec.hPrev, { range: 1, testid: 'vec-hprev' }));
  if (cell === 'simple_rnn') {
    rows.push(vectorRow(t('vec.z'), rec.z, { testid: 'vec-z' }));
  } else {
    if (cell === 'lstm') rows.push(vectorRow(t('vec.cprev'), rec.cPrev, { testid: 'vec-cprev' }));
    for (const g of rec.gates) rows.push(vectorRow(t(`gate.${g.name}`), g.values, { range: 1, testid: `gate-${g.name}` }));
    if (cell === 'lstm') rows.push(vectorRow(t('vec.c'), rec.c, { testid: 'vec-c' }));
  }
  rows.push(vectorRow(t('vec.h'), rec.h, { range: 1, testid: 'vec-h' }));
  rows.push(vectorRow(t('vec.y'), rec.logits, { names: vocab, testid: 'vec-y' }));
  const box = document.createElement('div');
  box.className = 'vectors';
  box.dataset.testid = 'forward-grid';
  box.append(...rows);
  el.append(makeGrid(box, t('grid.forward')), cellScale(t));
  if (done) el.append(para(t(bptt ? 'forward.done' : 'forward.read'), 'note'));
}

/** The bars of p_t over the vocabulary, the true next token and the best guess marked. */
export function renderPrediction(el, info, rec) {
  el.replaceChildren(heading(t('pred.title')));
  if (!rec) return el.append(para(t('pred.idle')));
  const vocab = shownVocabulary(info);
  const list = document.createElement('ol');
  list.className = 'bars';
  vocab.forEach((tok, i) => {
    const li = document.createElement('li');
    li.className = 'bar';
    if (i === rec.target) li.classList.add('truth');
    if (i === rec.best) li.classList.add('best');
    li.dataset.testid = `bar-${i}`;
    const p = rec.probs[i];
    li.innerHTML = '<span class="tok"></span><span class="track"><span class="fill"></span></span><span class="p"></span>';
    li.querySelector('.fill').style.width = `${(p * 100).toFixed(1)}%`;
    li.querySelector('.p').textContent = num(p, 3);
    li.querySelector('.tok').textContent = shortToken(tok, 10);
    li.querySelector('.tok').title = tok;
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
