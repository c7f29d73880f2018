// Form controls bound to the store: each shows the store's value (also after the store is
// changed elsewhere: a link, Back, a refused setting put back) and writes changes through
// the same checks as the URL, so a control never shows what the network is not using. A
// value outside the limits is put back at once, with a notice that gives the limits.
import { setRich, t } from '../i18n.js';
import { prop, parseValue } from '../state.js';
import { showNotice } from './banner.js';

const refreshers = [];

function field(labelKey, input, testid) {
  const wrap = document.createElement('label');
  wrap.className = 'field';
  const text = document.createElement('span');
  text.dataset.i18n = labelKey;
  setRich(text, t(labelKey));
  input.dataset.testid = testid;
  // A lecturer can hide it from a class by its setting's name (ui/hide.js).
  if (input.name) wrap.dataset.hideId = input.name;
  wrap.append(text, input);
  return wrap;
}

/** Calls `refresh` now, on every change of `name` in the store, and on `refreshControls`. */
function bind(store, name, refresh) {
  refreshers.push(refresh);
  store.subscribe((changed) => changed.includes(name) && refresh());
  refresh();
}

/** A <select> for a choice prop; `optionKey(value)` names each option's text. */
export function selectControl(store, name, labelKey, optionKey, testid = name) {
  const p = prop(name);
  const select = document.createElement('select');
  select.name = name;
  // A whole-number prop offers every number of its range.
  const values = p.values ?? Array.from({ length: p.max - p.min + 1 }, (_, i) => p.min + i);
  for (const v of values) {
    const o = document.createElement('option');
    o.value = String(v);
    select.append(o);
  }
  select.addEventListener('change', () => {
    const [value, ok] = parseValue(p, select.value);
    if (ok) store.set({ [name]: value });
  });
  bind(store, name, () => {
    for (const o of select.options) o.textContent = t(optionKey(o.value));
    select.value = String(store.get()[name]);
  });
  return field(labelKey, select, testid);
}

/** An <input> of `type` with the prop's range; `step` must put the default on the grid
 * min + k·step, or the browser marks it invalid ('any' where no grid fits). */
function rangedInput(p, type, step) {
  const input = document.createElement('input');
  input.type = type;
  input.name = p.name;
  input.min = String(p.min);
  input.max = String(p.max);
  input.step = String(step);
  return input;
}

/** Tells why a value was not used and what is allowed. */
export function refused(labelKey, p, raw) {
  const plain = (v) => String(Number(v.toPrecision(6)));
  const allowed = p.type === 'int' || p.type === 'number' ? t('notice.range', { min: plain(p.min), max: plain(p.max) }) : '';
  showNotice(t('notice.refused', { name: t(labelKey), value: raw === '' ? '∅' : raw, allowed }), 'warn');
}

/** A number box for an int/number prop; a value outside the limits is put back. */
export function numberControl(store, name, labelKey, step, testid = name) {
  const p = prop(name);
  const input = rangedInput(p, 'number', step);
  input.inputMode = 'decimal';
  input.addEventListener('change', () => {
    const [value, ok] = parseValue(p, input.value.trim());
    if (ok) store.set({ [name]: value });
    else {
      refused(labelKey, p, input.value);
      input.value = String(store.get()[name]);
    }
  });
  bind(store, name, () => {
    input.value = String(store.get()[name]);
  });
  return field(labelKey, input, testid);
}

/** A range slider for a number prop, with its value shown beside it. */
export function sliderControl(store, name, labelKey, step, testid = name, show = (v) => String(v)) {
  const p = prop(name);
  const input = rangedInput(p, 'range', step);
  const out = document.createElement('output');
  input.addEventListener('input', () => {
    const [value, ok] = parseValue(p, input.value);
    if (ok) store.set({ [name]: value });
    out.textContent = show(ok ? value : store.get()[name]);
  });
  bind(store, name, () => {
    input.value = String(store.get()[name]);
    out.textContent = show(store.get()[name]);
  });
  const wrap = field(labelKey, input, testid);
  wrap.classList.add('slider');
  wrap.append(out);
  return wrap;
}

/** A checkbox for a flag prop. */
export function checkControl(store, name, labelKey, testid = name) {
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.name = name;
  input.addEventListener('change', () => store.set({ [name]: input.checked }));
  bind(store, name, () => {
    input.checked = Boolean(store.get()[name]);
  });
  const wrap = field(labelKey, input, testid);
  wrap.classList.add('check');
  return wrap;
}

/** Re-reads every control from the store and its texts from the current language. */
export function refreshControls() {
  for (const fn of refreshers) fn();
}

/** Shows `key`'s text on a button and keeps it there when the language changes. */
export function setLabel(b, key) {
  b.dataset.i18n = key;
  b.textContent = t(key);
}

/** A button with a text key and a test id. */
export function button(labelKey, testid, onClick, cls = '') {
  const b = document.createElement('button');
  b.type = 'button';
  setLabel(b, labelKey);
  b.dataset.testid = testid;
  if (cls) b.className = cls;
  b.addEventListener('click', onClick);
  return b;
}
