// The sentence view's settings: the network's fields and the text box. A setting the
// engine refuses is put back to the one in use, with a notice that says why.
import { t } from '../../i18n.js';
import { showNotice } from '../../ui/banner.js';
import { numberControl, selectControl } from '../../ui/controls.js';

/** A control that takes the whole row (its options have long names). */
function wide(field) {
  field.classList.add('wide');
  return field;
}

/** Adds the fields and wires the text box. */
export function mountControls({ view, store }) {
  const { $ } = view;
  $('fields').append(
    selectControl(store, 'cell', 'controls.cell', (v) => `cell.${v}`),
    selectControl(store, 'activation', 'controls.activation', (v) => v),
    numberControl(store, 'units', 'controls.units', 1),
    selectControl(store, 'optimizer', 'controls.optimizer', (v) => `optimizer.${v}`),
    numberControl(store, 'lr', 'controls.lr', 'any'),
    selectControl(store, 'clip', 'controls.clip', (v) => `clip.${v}`),
    numberControl(store, 'clipAt', 'controls.clipAt', 0.01, 'clip-at'),
    numberControl(store, 'seed', 'controls.seed', 1),
    wide(selectControl(store, 'tokenize', 'controls.tokenize', (v) => `tokenize.${v}`)),
  );
  const text = $('text');
  text.value = store.get().text;
  $('apply').addEventListener('click', () => {
    const typed = text.value.trim();
    if (!typed) {
      showNotice(t('notice.emptyText'), 'warn');
      text.value = store.get().text;
      return;
    }
    store.set({ text: typed });
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('apply').click();
    }
  });
  store.subscribe((changed, s) => {
    if (changed.includes('text')) text.value = s.text;
    if (changed.includes('cell')) root(view).querySelector('[data-testid="activation"]').disabled = s.cell !== 'simple_rnn';
  });
  root(view).querySelector('[data-testid="activation"]').disabled = store.get().cell !== 'simple_rnn';
}

function root(view) {
  return view.root;
}
