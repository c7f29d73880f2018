// What a lecturer hides from a class (`hide=` in the URL, as in TensorFlow Playground). Every
// control is named by its setting (the field wrapper carries `data-hide-id`, see
// controls.js) and every panel by a name in the views' templates, listed in each view's meta.js. In "Edit
// what students see" each one gets a checkbox; the choice goes straight into the page's
// state, so the copied link carries it.
import { t } from '../i18n.js';
import { PANELS } from '../views/index.js';

/** Every name `hide=` accepts: the panels and the settings that have a control. */
export function hideNames(propNames) {
  return [...PANELS, ...propNames];
}

/** The hidden names of a state's `hide` value. */
export function hiddenSet(value) {
  return new Set(String(value || '').split(',').filter(Boolean));
}

/** What a part is called on the page: its heading, its chart's title, its field's label. */
function partName(el, name) {
  const text = el.querySelector('h2, h3')?.textContent || el.querySelector('canvas')?.getAttribute('aria-label')?.split('. ')[0] || (el.tagName === 'LABEL' ? el.querySelector('span')?.textContent : '');
  return (text || name).trim();
}

/**
 * Hides the named parts under `root`; in edit mode (`onToggle` given) shows them all, each
 * with a checkbox "shown to students" that calls `onToggle(name, shown)`. (In a setting's
 * field the checkbox comes after the control, and is no label of its own: the field's
 * label names its control, not the checkbox.)
 */
export function applyHidden(root, hidden, onToggle = null) {
  for (const el of root.querySelectorAll('[data-hide-id]')) {
    const name = el.dataset.hideId;
    el.classList.toggle('teacher-hidden', hidden.has(name));
    let box = el.querySelector(':scope > .hide-toggle');
    if (!onToggle) {
      box?.remove();
      continue;
    }
    if (!box) {
      box = document.createElement('span');
      box.className = 'hide-toggle';
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.dataset.testid = `show-${name}`;
      const text = document.createElement('span');
      text.setAttribute('aria-hidden', 'true');
      box.append(input, text);
      if (el.tagName === 'LABEL') el.append(box);
      else el.prepend(box);
      // A click in a setting's field would otherwise reach its control.
      box.addEventListener('click', (e) => e.stopPropagation());
      input.addEventListener('change', () => box.onToggle?.(name, input.checked));
    }
    box.onToggle = onToggle;
    const input = box.querySelector('input');
    input.checked = !hidden.has(name);
    input.setAttribute('aria-label', `${t('hide.shown')}: ${partName(el, name)}`);
    box.querySelector('span').textContent = t('hide.shown');
  }
}
