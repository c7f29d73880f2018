// Form controls bound to the store: each shows the store's value and writes changes back
// (through the same checks as the URL, so a control cannot hold what a link could not).
import { t } from '../i18n.js';
import { PROPS, parseValue } from '../state.js';

const controls = [];

function field(labelKey, input, testid) {
  const wrap = document.createElement('label');
  wrap.className = 'field';
  const text = document.createElement('span');
  text.dataset.i18n = labelKey;
  text.textContent = t(labelKey);
  input.dataset.testid = testid;
  wrap.append(text, input);
  return wrap;
}

/** A <select> for an enum prop; `optionKey(value)` names each option's text. */
export function selectControl(store, name, labelKey, optionKey, testid = name) {
  const prop = PROPS.find((p) => p.name === name);
  const select = document.createElement('select');
  select.name = name;
  for (const v of prop.values) {
    const o = document.createElement('option');
    o.value = v;
    select.append(o);
  }
  const refresh = () => {
    for (const o of select.options) o.textContent = t(optionKey(o.value));
    select.value = store.get()[name];
  };
  select.addEventListener('change', () => store.set({ [name]: select.value }));
  controls.push(refresh);
  refresh();
  return field(labelKey, select, testid);
}

/** An <input> of `type` with the prop's range; `step` must put the default on the grid
 * min + k·step, or the browser marks it invalid ('any' where no grid fits). */
function rangedInput(prop, type, step) {
  const input = document.createElement('input');
  input.type = type;
  input.name = prop.name;
  input.min = String(prop.min);
  input.max = String(prop.max);
  input.step = String(step);
  return input;
}

/** A number box for an int/number prop; out-of-range input is marked and not used. */
export function numberControl(store, name, labelKey, step, testid = name) {
  const prop = PROPS.find((p) => p.name === name);
  const input = rangedInput(prop, 'number', step);
  input.inputMode = 'decimal';
  const refresh = () => {
    if (document.activeElement !== input) input.value = String(store.get()[name]);
  };
  input.addEventListener('change', () => {
    const [value, ok] = parseValue(prop, input.value);
    input.setAttribute('aria-invalid', String(!ok));
    if (ok) store.set({ [name]: value });
  });
  controls.push(refresh);
  refresh();
  return field(labelKey, input, testid);
}

/** A range slider for a number prop, with its value shown beside it. */
export function sliderControl(store, name, labelKey, step, testid = name, show = (v) => String(v)) {
  const prop = PROPS.find((p) => p.name === name);
  const input = rangedInput(prop, 'range', step);
  const out = document.createElement('output');
  const refresh = () => {
    input.value = String(store.get()[name]);
    out.textContent = show(store.get()[name]);
  };
  input.addEventListener('input', () => {
    const [value, ok] = parseValue(prop, input.value);
    if (ok) store.set({ [name]: value });
    out.textContent = show(value);
  });
  controls.push(refresh);
  refresh();
  const wrap = field(labelKey, input, testid);
  wrap.classList.add('slider');
  wrap.append(out);
  return wrap;
}

/** Re-reads every control from the store and its texts from the current language. */
export function refreshControls() {
  for (const fn of controls) fn();
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
