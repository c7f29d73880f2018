// The network out of the page: its model file (Keras's get_weights() arrays with the
// sentence's tokens and vocabulary), the Python and TensorFlow.js lines that load it, and
// the Keras program that builds and trains the same configuration. The code comes from
// the engine (codegen.rs), written from the settings in use.
import { t } from '../../i18n.js';
import { guard } from '../../engine.js';
import { showNotice } from '../../ui/banner.js';
import { button } from '../../ui/controls.js';
import { download, slug } from '../../ui/download.js';

/** model_lstm_units8_seed42_trained300.json: what the file holds. */
function fileName(s) {
  return `${['model', s.cell, `units${s.units}`, `seed${s.seed}`, s.trained ? `trained${s.trained}` : 'untrained'].map(slug).join('_')}.json`;
}

export function mountModelIo(ctx) {
  const { view, store } = ctx;
  const { $ } = view;
  const code = () => guard(() => ctx.pg().code(fileName(store.get())));
  const python = $('code-python');
  const tfjs = $('code-tfjs');
  /** The snippets, written when their box is opened (and again while it is open). */
  const write = () => {
    if (!$('model-code').open || !ctx.pg()) return;
    const c = code();
    python.textContent = c.python;
    tfjs.textContent = c.tfjs;
  };
  $('model-code').addEventListener('toggle', write);
  $('model-row').append(
    button('model.download', 'download-model', () => download(guard(() => ctx.pg().modelFile()), fileName(store.get()), 'application/json')),
    button('model.copyKeras', 'copy-keras', async () => {
      const text = code().keras;
      try {
        await navigator.clipboard.writeText(text);
        showNotice(t('model.copied'), 'info');
      } catch {
        // No clipboard (permission, an old browser): the program as a file instead.
        download(text, 'rnn_playground_sentence.py', 'text/x-python');
        showNotice(t('model.saved'), 'info');
      }
    }),
  );
  return { update: write };
}
