// The header's classroom tools: the link to this moment, presenter mode (large type, the
// settings folded away, full screen), embed mode (no header, a link out), "Edit what
// students see" (ui/hide.js) and the printed handout.
import { t } from '../i18n.js';
import { toQuery } from '../state.js';
import { showNotice } from './banner.js';
import { applyHidden, hiddenSet } from './hide.js';
import { copyText } from './download.js';

const q = (id) => document.querySelector(`[data-testid="${id}"]`);

/**
 * @param {ReturnType<import('../state.js').createStore>} store
 * @param {{current: () => any}} views   `current()`: the mounted view on screen
 */
export function mountClassroom(store, views) {
  const html = document.documentElement;
  const main = document.getElementById('main');
  let editing = false;

  // The link to this moment: every setting, the step position, the training, the chapter,
  // what is hidden, the language.
  q('copy-link').addEventListener('click', async () => {
    store.flush();
    const url = location.origin + location.pathname + toQuery(store.get());
    if (await copyText(url)) showNotice(t('notice.copied'), 'info');
    else showNotice(t('notice.copyFailed', { url }), 'warn');
  });

  // The menu of the rarer tools.
  const menuButton = q('classroom');
  const menu = document.getElementById('classroom-menu');
  const setMenu = (open) => {
    menu.hidden = !open;
    menuButton.setAttribute('aria-expanded', String(open));
  };
  menuButton.addEventListener('click', () => setMenu(menu.hidden));
  menu.addEventListener('click', (e) => e.target.closest('button') && setMenu(false));
  document.addEventListener('click', (e) => !e.target.closest('.menu-wrap') && setMenu(false));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !menu.hidden) {
      setMenu(false);
      menuButton.focus();
    }
  });

  q('present').addEventListener('click', () => store.set({ present: !store.get().present }));
  const fullscreen = q('fullscreen');
  fullscreen.hidden = !document.fullscreenEnabled;
  fullscreen.addEventListener('click', () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else html.requestFullscreen?.().catch(() => {});
  });
  const settings = q('toggle-settings');
  settings.addEventListener('click', () => {
    const open = !html.classList.contains('show-settings');
    html.classList.toggle('show-settings', open);
    settings.setAttribute('aria-pressed', String(open));
  });

  /** Hides what `hide` names; in edit mode shows it all, each part with its checkbox. */
  function refreshHidden() {
    const onToggle = editing
      ? (name, shown) => {
          const set = hiddenSet(store.get().hide);
          if (shown) set.delete(name);
          else set.add(name);
          store.set({ hide: [...set].sort().join(',') });
        }
      : null;
    applyHidden(main, hiddenSet(store.get().hide), onToggle);
  }
  q('edit-visibility').addEventListener('click', () => {
    editing = !editing;
    html.classList.toggle('editing-visibility', editing);
    q('edit-visibility').setAttribute('aria-pressed', String(editing));
    refreshHidden();
    if (editing) showNotice(t('notice.editing'), 'info');
  });

  q('print').addEventListener('click', () => window.print());
  // Before printing: every part laid out and drawn (at its size on screen: the printed
  // page scales each chart to its width, keeping its proportions), every chart's table
  // written. After: parts off screen are laid out lazily again.
  window.addEventListener('beforeprint', () => prepareForPrint());
  window.addEventListener('afterprint', () => html.classList.remove('render-all'));
  function prepareForPrint() {
    html.classList.add('render-all');
    views.current()?.print();
    // (The lesson writes its handout: lesson/panel.js.)
    document.dispatchEvent(new CustomEvent('rnnp:print'));
  }

  /** The page's modes, and in embed mode the link out: the same moment, without `embed`. */
  const openFull = q('open-full');
  function modes(s) {
    html.classList.toggle('present', Boolean(s.present));
    html.classList.toggle('embed', Boolean(s.embed));
    q('present').setAttribute('aria-pressed', String(Boolean(s.present)));
    if (s.embed) openFull.href = location.pathname + toQuery({ ...s, embed: false });
  }

  store.subscribe((changed, s) => {
    modes(s);
    if (changed.includes('present')) views.current()?.relabel();
    if (changed.includes('hide')) refreshHidden();
  });
  modes(store.get());
  return { refreshHidden, prepareForPrint };
}
