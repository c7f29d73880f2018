// The sentence view's settings: the network's fields and the text box. A setting the
// engine refuses is put back to the one in use, with a notice that says why.
import { setRich, t } from '../../i18n.js';
import { prop } from '../../state.js';
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
    // Refused (too long, too many tokens): the settings went back to the sentence in use,
    // but the box keeps what was typed, to be mended rather than typed again.
    const refused = store.get().text !== typed;
    text.value = typed;
    if (refused) text.setAttribute('aria-invalid', 'true');
    else text.removeAttribute('aria-invalid');
  });
  text.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      $('apply').click();
    }
  });
  // The introduction quotes the sentence it reads; another one it calls the tokens below.
  const intro = root(view).querySelector('.intro');
  const nameSentence = (s) => {
    const key = s.text === prop('text').def ? 'sentence.intro' : 'sentence.introYours';
    if (intro.dataset.i18n !== key) setRich(intro, t((intro.dataset.i18n = key)));
  };
  nameSentence(store.get());
  store.subscribe((changed, s) => {
    if (changed.includes('text')) {
      text.value = s.text;
      text.removeAttribute('aria-invalid');
      nameSentence(s);
    }
    if (changed.includes('cell')) root(view).querySelector('[data-testid="activation"]').disabled = s.cell !== 'simple_rnn';
  });
  root(view).querySelector('[data-testid="activation"]').disabled = store.get().cell !== 'simple_rnn';
}

function root(view) {
  return view.root;
}
