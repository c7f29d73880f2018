// Keeping a model: in this browser (IndexedDB, listed with Open and Delete), as this
// project's model file (download, or open one: "rnnp train text --save" writes the same),
// and the command lines that train the same model and write from the file.
import { t } from '../../i18n.js';
import { guard } from '../../engine.js';
import { describeError, showNotice } from '../../ui/banner.js';
import { button } from '../../ui/controls.js';
import { dateTime } from '../../ui/format.js';
import { download, slug } from '../../ui/download.js';
import { modelFileInput, readModelFile, refuseFile } from '../../ui/model-file.js';
import { deleteModel, getModel, listModels, saveModel } from './saved.js';
import { CORPUS_FILES } from './corpora.js';

/** The text the command line trains on: the shipped file, or the student's own saved as a file. */
const commandLineFile = (corpus) => (CORPUS_FILES[corpus] ? `assets/corpora/${CORPUS_FILES[corpus]}` : 'my-text.txt');

/** A value for a command line, quoted where the shell needs it (a line break as $'\n'). */
function shell(v) {
  if (/^[\w./:=-]+$/.test(v)) return v;
  if (v.includes('\n')) return `$'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  return `'${v.replace(/'/g, "'\\''")}'`;
}

/**
 * @param {{view: any, store: any, desk: () => any, use: (summary: object, corpus: string|null) => void,
 *   history: (h: object) => void, start: () => string}} ctx   `start()`: what the page begins writing with
 */
export function mountKeep(ctx) {
  const { view, store } = ctx;
  const { $ } = view;
  /** The model on the desk: {weights | modelFile, name, cell, units, vocabulary, updates, corpus, history}. */
  let current = null;

  const nameOf = (info, summary) => [`write`, info.corpus ?? 'file', `${summary.cell}${summary.units}`, `seed${store.get().wseed}`, `${info.updates ?? 0}updates`].map(slug).join('_');

  /**
   * Writes with a model from now on: `{weights: {config, vocabulary, params}}` (training,
   * the browser's store) or `{modelFile}` (a file; one that is not a character model is
   * refused).
   */
  function use({ weights = null, modelFile = null }, info) {
    let summary;
    try {
      summary = guard(() => (weights ? ctx.desk().useWeights(weights.config, weights.vocabulary, weights.params) : ctx.desk().useModel(modelFile)));
    } catch (err) {
      refuseFile({ name: info.name ?? '' }, err);
      return false;
    }
    current = { weights, ...summary, updates: info.updates ?? 0, corpus: info.corpus ?? 'file', history: info.history ?? null, name: info.name ?? nameOf(info, summary) };
    if (info.history) ctx.history(info.history);
    ctx.use(summary, current.corpus);
    if (!info.quiet) showNotice(t('write.opened', { name: current.name, cell: t(`cell.${summary.cell}`), units: summary.units, vocabulary: summary.vocabulary }), 'info');
    refresh();
    return true;
  }

  const save = button('write.save', 'write-save', async () => {
    if (!current) return;
    const { name, cell, units, updates, corpus, history } = current;
    try {
      // The weights as numbers (quick to store and to open again); a model opened from a
      // file is kept as its file's text.
      const weights = current.weights ?? null;
      const modelFile = weights ? null : guard(() => ctx.desk().modelFile());
      await saveModel({ name, date: new Date().toISOString(), corpus, updates, cell, units, weights, modelFile, history });
      showNotice(t('write.savedAs', { name }), 'info');
    } catch (err) {
      showNotice(typeof indexedDB === 'undefined' ? t('write.noStorage') : t('write.saveFailed', { message: describeError(err) }), 'warn');
    }
    listSaved();
  });
  const down = button('write.download', 'write-download', () => current && download(guard(() => ctx.desk().modelFile()), `${current.name}.json`, 'application/json'));
  const input = modelFileInput('write-open-input', (file) => openFile(file));
  /** Opens a model file (chosen, or dropped on the page). */
  async function openFile(file) {
    const text = await readModelFile(file, ctx.wasm);
    if (text !== null) use({ modelFile: text }, { name: file.name.replace(/\.json$/i, ''), corpus: 'file' });
  }
  const openButton = button('write.open', 'write-open', () => input.click());
  $('keep-row').append(save, down, openButton, input);

  /** The list's line for saved entry `m`, or null if the entry is not one this page wrote. */
  function entryWords(m) {
    const count = (n) => Number.isInteger(n) && n >= 0;
    const known = ['simple_rnn', 'lstm', 'gru'].includes(m?.cell);
    if (!m || typeof m.name !== 'string' || typeof m.date !== 'string' || Number.isNaN(Date.parse(m.date)) || !known || !count(m.units) || !count(m.updates)) return null;
    return t('write.savedEntry', { name: m.name, cell: t(`cell.${m.cell}`), units: m.units, updates: m.updates, date: dateTime(m.date) });
  }

  async function listSaved() {
    const ul = $('saved');
    let list;
    try {
      list = await listModels();
    } catch {
      ul.replaceChildren(Object.assign(document.createElement('li'), { className: 'hint', textContent: t('write.noStorage') }));
      return;
    }
    if (!list.length) return ul.replaceChildren(Object.assign(document.createElement('li'), { className: 'hint', textContent: t('write.savedNone') }));
    ul.replaceChildren(
      ...list.map((m) => {
        const li = document.createElement('li');
        const text = document.createElement('span');
        const words = entryWords(m);
        text.textContent = words ?? t('write.savedDamaged');
        const openIt = button('write.openSaved', 'saved-open', async () => {
          try {
            const entry = await getModel(m.id);
            if (entry) use(entry, entry);
          } catch (err) {
            showNotice(t('write.openFailed', { message: describeError(err) }), 'warn');
          }
        });
        const del = button('write.delete', 'saved-delete', async () => {
          try {
            await deleteModel(m.id);
          } catch (err) {
            showNotice(t('write.saveFailed', { message: describeError(err) }), 'warn');
          }
          listSaved();
        });
        // Every entry has its Open and Delete: each says whose. A damaged one (written by
        // something else, or half-written) can only be deleted.
        const name = words ? m.name : t('write.savedDamaged');
        openIt.setAttribute('aria-label', t('write.openSavedLabel', { name }));
        del.setAttribute('aria-label', t('write.deleteLabel', { name }));
        openIt.disabled = !words;
        li.append(text, openIt, del);
        return li;
      }),
    );
  }

  function commandLine() {
    const s = store.get();
    const corpus = commandLineFile(s.corpus);
    const start = ctx.start();
    const train = ['rnnp train text', `--corpus ${corpus}`, `--cell ${s.wcell}`, `--units ${s.wunits}`, `--seq-len ${s.wseqLen}`, `--batch-size ${s.wbatch}`, `--lr ${s.wlr}`, `--seed ${s.wseed}`, `--updates ${s.wupdates}`, `--seed-text=${shell(start)}`, '--save model.json'];
    const write = ['rnnp write --model model.json', `--seed-text=${shell(start)}`, `--temperature ${s.temp}`, `--sample-seed ${s.dseed}`];
    return `${train.join(' ')}\n${write.join(' ')}`;
  }

  function refresh() {
    save.disabled = down.disabled = !current;
    $('code-cli').textContent = commandLine();
  }

  // The command lines name these settings.
  const SHOWN = ['corpus', 'wcell', 'wunits', 'wseqLen', 'wbatch', 'wlr', 'wseed', 'wupdates', 'prompt', 'temp', 'dseed'];
  store.subscribe((changed) => changed.some((k) => SHOWN.includes(k)) && refresh());
  listSaved();
  refresh();

  return {
    use,
    openFile,
    refresh,
    /** No model on the desk (a new desk after an engine restart). */
    clear() {
      current = null;
      refresh();
    },
    /** The words again, in the page's language (the list of saved models too). */
    relabel() {
      refresh();
      listSaved();
    },
    /** The cell of the model on the desk (else the one set). */
    cell: () => current?.cell ?? store.get().wcell,
    current: () => current,
  };
}
