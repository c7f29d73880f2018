// The network into the page: "Open model" (or a file dropped on the page) reads a model
// file, or a plain list of Keras's get_weights() arrays for the network of the settings;
// a file that does not fit is refused with what is wrong, and the network stays.
// The network out of the page: its model file (Keras's get_weights() arrays with the
// sentence's tokens and vocabulary), the Python and TensorFlow.js lines that load it, and
// the Keras program that builds and trains the same configuration. The code comes from
// the engine (codegen.rs), written from the settings in use.
import { t } from '../../i18n.js';
import { guard } from '../../engine.js';
import { showNotice } from '../../ui/banner.js';
import { button } from '../../ui/controls.js';
import { copyOrSave, download, slug } from '../../ui/download.js';
import { modelFileInput, readModelFile, refuseFile } from '../../ui/model-file.js';

/** model_lstm_units8_seed42_trained300.json: what the file holds. */
function fileName(s, fromFile) {
  const history = fromFile ? `from-${fromFile.name.replace(/\.json$/i, '')}` : s.trained ? `trained${s.trained}` : 'untrained';
  return `${['model', s.cell, `units${s.units}`, `seed${s.seed}`, history].map(slug).join('_')}.json`;
}

/** A size in MB, as people say it. */

export function mountModelIo(ctx) {
  const { view, store } = ctx;
  const { $ } = view;
  const code = () => guard(() => ctx.pg().code(fileName(store.get(), ctx.fromFile), store.get().epochs));
  const python = $('code-python');
  const tfjs = $('code-tfjs');
  /** The snippets, written when their box is opened (and again while it is open, when the network or its name changes). */
  const write = () => {
    if (!$('model-code').open || !ctx.pg()) return;
    const c = code();
    python.textContent = c.python;
    tfjs.textContent = c.tfjs;
  };
  $('model-code').addEventListener('toggle', write);
  // The snippets name the file (its training) and the program its epochs: not the step.
  store.subscribe((changed) => changed.some((k) => k === 'trained' || k === 'epochs') && write());
  /** Opens `file` in place of the network on screen, or says why it cannot. */
  async function open(file) {
    const text = await readModelFile(file, ctx.wasm);
    if (text === null) return;
    let next;
    try {
      next = guard(() => ctx.wasm.Playground.fromModelFile(text, ctx.config()));
    } catch (err) {
      refuseFile(file, err);
      return;
    }
    ctx.adopt(next, file.name);
    showNotice(t('model.opened', { name: file.name }), 'info');
  }
  const input = modelFileInput('model-file', open);
  $('model-row').append(
    input,
    button('model.open', 'open-model', () => input.click()),
    button('model.download', 'download-model', () => download(guard(() => ctx.pg().modelFile()), fileName(store.get(), ctx.fromFile), 'application/json')),
    button('model.copyKeras', 'copy-keras', async () => {
      const copied = await copyOrSave(code().keras, 'rnn_playground_sentence.py', 'text/x-python');
      showNotice(t(copied ? 'model.copied' : 'model.saved'), 'info');
    }),
  );
  return { update: write, open };
}
