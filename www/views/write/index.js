// The Write view: a character model of a text (Tang poems, the sonnets, a pasted text)
// trained in the page's worker, then writing one character at a time on the page with
// every probability on screen; whole poems at once; models kept in the browser or as
// files. The engine objects: the worker's TextTrainer (meta.js) and the page's
// WritingDesk (the model handed back, the pen, the charts).
import './texts.js';
import { t } from '../../i18n.js';
import { configFor } from '../../state.js';
import { guard } from '../../engine.js';
import { describeError, showNotice } from '../../ui/banner.js';
import { numberControl, selectControl } from '../../ui/controls.js';
import { whole } from '../../ui/format.js';
import { createView } from '../../ui/view.js';
import { checkOwnText, corpusErrorText, endOf, loadCorpus, shippedCounts, startOf } from './corpora.js';
import { mountPen } from './pen.js';
import { mountTraining } from './training.js';
import { mountKeep } from './keep.js';
import { TEMPLATE } from './template.js';

const MODEL_KEYS = ['wcell', 'wunits', 'wseqLen', 'wbatch', 'wlr', 'wseed'];
const loadFailed = (err) => t('write.loadFailed', { message: String(err?.message || err) });

/** A short fingerprint of a pasted text (the worker keeps its network per text). */
function fingerprint(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}-${(h >>> 0).toString(16)}`;
}

export { TEMPLATE };

/** Mounts the view in `root`; same contract as the other views. */
export function mount(root, store, wasm, page) {
  let desk = null;
  const view = createView(root, TEMPLATE, page, {
    engine: () => desk,
    files: { loss: 'write-loss', hidden: 'write-hidden-state' },
    fileTag: () => store.get().corpus,
  });
  const { $ } = view;
  const texts = {};
  /** The pasted text in use, and its facts as the engine splits it ({chars, vocabulary, start}). */
  let own = null;
  let ownFacts = null;
  /** What the model on the desk was trained on ('tang', 'sonnets', 'own', or null: a file). */
  let model = null;

  $('fields').append(
    selectControl(store, 'wcell', 'write.cell', (v) => `cell.${v}`, 'write-cell'),
    numberControl(store, 'wunits', 'write.units', 1, 'write-units'),
    numberControl(store, 'wseqLen', 'write.seqLen', 1, 'write-seq-len'),
    numberControl(store, 'wbatch', 'write.batch', 1, 'write-batch'),
    numberControl(store, 'wlr', 'write.lr', 'any', 'write-lr'),
    numberControl(store, 'wseed', 'write.seed', 1, 'write-seed'),
    numberControl(store, 'wupdates', 'write.updates', 1, 'write-updates'),
  );
  const corpusControl = selectControl(store, 'corpus', 'write.corpus', (v) => `corpus.${v}`, 'write-corpus');
  corpusControl.classList.add('wide');
  $('corpus-row').append(corpusControl);

  view.charts([
    ['loss', 'chart-write-loss', () => ({ loss: { title: t('write.lossTitle'), x: t('write.update'), y: t('write.nats'), train: t('write.trainLoss'), heldOut: t('write.heldOut'), uniform: t('write.uniform'), unigram: t('write.unigram'), empty: t('write.lossEmpty') } })],
    ['hidden', 'chart-write-hidden', () => ({ hidden: { title: t('write.hiddenTitle'), unit: t('write.unit'), step: t('write.charStep'), empty: t('write.hiddenEmpty') } })],
  ]);

  /** The text of the chosen corpus (null: a pasted text not given yet). */
  async function corpusText() {
    const name = store.get().corpus;
    if (name === 'own') return own;
    texts[name] ??= await loadCorpus(name);
    return texts[name];
  }

  let infoFor = null;
  /** The chosen text's size: a shipped text's was counted when the site was built. */
  function showInfo() {
    const name = store.get().corpus;
    $('own').hidden = name !== 'own';
    const info = $('corpus-info');
    if (name === 'own' && !own) return (info.textContent = t('write.ownNone'));
    infoFor = { name, ...(name === 'own' ? ownFacts : shippedCounts(name)) };
    info.textContent = t('write.corpusInfo', { chars: whole(infoFor.chars), vocabulary: infoFor.vocabulary });
  }

  $('own-use').addEventListener('click', () => {
    const text = $('own-text').value;
    const { facts, problem } = checkOwnText(text, wasm.textFacts);
    if (problem) {
      showNotice(problem, 'warn');
      $('own-info').textContent = problem;
      return;
    }
    own = text;
    ownFacts = facts;
    $('own-info').textContent = t('write.ownInfo', { chars: whole(facts.chars), vocabulary: facts.vocabulary });
    training.reset();
    showInfo();
  });

  /** The text the model on the desk learned (the chosen one before any model). */
  const source = () => model ?? store.get().corpus;
  const ownText = () => (source() === 'own' ? own : null);
  /** What to begin writing with: the typed start, else the text's usual one, else the model's. */
  const prompt = () => store.get().prompt || (model === 'file' ? keep.current()?.start ?? '\n' : startOf(source(), ownFacts?.start));
  const end = () => endOf(source(), ownText());

  const pen = mountPen({ view, store, desk: () => desk, prompt, end, cell: () => keep.cell() });

  const training = mountTraining({
    view,
    store,
    desk: () => desk,
    async payload() {
      const name = store.get().corpus;
      let text;
      // A shipped text is fetched the first time it is trained on (or pointed at, below).
      if (name !== 'own' && !texts[name]) $('corpus-info').textContent = t('write.loadingCorpus');
      try {
        text = await corpusText();
      } catch (err) {
        showNotice(loadFailed(err), 'warn');
        return null;
      } finally {
        showInfo();
      }
      if (!text) {
        showNotice(t('write.ownNone'), 'warn');
        return null;
      }
      const key = name === 'own' ? `own:${fingerprint(text)}` : name;
      return { name, corpus: key, text, config: configFor(store.get(), 'text'), prompt: startOf(name, ownFacts?.start) };
    },
    adopt(weights, info) {
      keep.use({ weights }, { ...info, quiet: true });
    },
    error(err) {
      const words = corpusErrorText(err?.detail);
      showNotice(words ?? describeError(err), 'warn');
    },
  });

  const keep = mountKeep({
    view,
    store,
    wasm,
    desk: () => desk,
    /** A model to write with: from training, from the browser's store, or from a file ('file'). */
    use(summary, corpus) {
      model = corpus;
      pen.restart();
    },
    history: (h) => {
      guard(() => desk.showHistory(h));
      view.redraw(['loss']);
    },
    start: () => prompt(),
  });

  function build() {
    desk?.free();
    desk = guard(() => new wasm.WritingDesk());
    model = null;
    keep.clear();
    training.reset();
    pen.restart();
    view.redraw();
  }

  store.subscribe((changed) => {
    if (changed.some((k) => MODEL_KEYS.includes(k) || k === 'corpus')) training.reset();
    if (changed.includes('corpus')) showInfo();
  });
  view.onReset(() => {
    desk = null;
    build();
  });
  const ready = view.warmed('writing').then(() => {
    build();
    $('own').hidden = store.get().corpus !== 'own';
    showInfo();
    // The text itself (its own file) is fetched when training is in sight: a pointer, a
    // finger or the keyboard's focus on Train.
    const train = root.querySelector('[data-testid="write-train"]');
    const fetchAhead = () => store.get().corpus !== 'own' && corpusText().catch(() => {});
    for (const type of ['pointerenter', 'touchstart', 'focus']) train?.addEventListener(type, fetchAhead, { passive: true });
  });

  return view.mounted({
    ready,
    after: () => {
      pen.relabel();
      training.relabel();
      keep.relabel();
      if (infoFor) showInfo();
    },
    openFile: (file) => keep.openFile(file),
    debug: { desk: () => desk, training, pen, text: (name) => (name === 'own' ? own : loadCorpus(name)), infoFor: () => infoFor },
  });
}
