// The page's settings and the URL: one declarative table of every control, so a shared
// link opens exactly the same configuration (seed included). A value the table does not
// allow falls back to its default, and the names of such values are reported.

/** @typedef {{name: string, type: 'enum'|'int'|'number'|'string'|'bool', values?: string[], min?: number, max?: number, maxLength?: number, def: any}} Prop */

/** @type {Prop[]} */
export const PROPS = [
  { name: 'view', type: 'enum', values: ['sentence', 'gradients', 'series'], def: 'sentence' },
  { name: 'lang', type: 'enum', values: ['zh', 'en'], def: '' },
  // The sentence view.
  { name: 'text', type: 'string', maxLength: 300, def: '我 爱 北京 天安门' },
  { name: 'tokenize', type: 'enum', values: ['words', 'chars'], def: 'words' },
  { name: 'cell', type: 'enum', values: ['simple_rnn', 'lstm', 'gru'], def: 'simple_rnn' },
  { name: 'activation', type: 'enum', values: ['tanh', 'relu', 'sigmoid', 'linear'], def: 'tanh' },
  { name: 'units', type: 'int', min: 1, max: 64, def: 8 },
  { name: 'lr', type: 'number', min: 0.00001, max: 1, def: 0.01 },
  { name: 'optimizer', type: 'enum', values: ['adam', 'sgd'], def: 'adam' },
  { name: 'clip', type: 'enum', values: ['none', 'value', 'norm'], def: 'norm' },
  { name: 'clipAt', type: 'number', min: 0.01, max: 1000, def: 5 },
  { name: 'seed', type: 'int', min: 0, max: 2147483647, def: 42 },
  { name: 'epochs', type: 'int', min: 1, max: 5000, def: 300 },
  { name: 'speed', type: 'number', min: 0.25, max: 4, def: 1 },
];

const BY_NAME = new Map(PROPS.map((p) => [p.name, p]));

/** Adds the props of another view to the table. */
export function addProps(props) {
  for (const p of props) {
    PROPS.push(p);
    BY_NAME.set(p.name, p);
  }
}

/** The default of every prop. */
export function defaults() {
  return Object.fromEntries(PROPS.map((p) => [p.name, p.def]));
}

/** Checks one raw string against its prop; returns [value, ok]. */
export function parseValue(prop, raw) {
  switch (prop.type) {
    case 'enum':
      return prop.values.includes(raw) ? [raw, true] : [prop.def, false];
    case 'int': {
      if (!/^-?\d+$/.test(raw)) return [prop.def, false];
      const n = Number(raw);
      return n >= prop.min && n <= prop.max ? [n, true] : [prop.def, false];
    }
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) && n >= prop.min && n <= prop.max ? [n, true] : [prop.def, false];
    }
    case 'bool':
      return raw === 'true' || raw === 'false' ? [raw === 'true', true] : [prop.def, false];
    case 'string':
      return raw.length <= (prop.maxLength ?? 200) && raw.trim() !== '' ? [raw, true] : [prop.def, false];
    default:
      return [prop.def, false];
  }
}

/**
 * Reads the settings from a query string. Unknown names are ignored; bad values take
 * their default and are listed in `rejected`.
 * @returns {{state: Record<string, any>, rejected: string[]}}
 */
export function parseQuery(search) {
  const state = defaults();
  const rejected = [];
  let params;
  try {
    params = new URLSearchParams(search);
  } catch {
    return { state, rejected: ['?'] };
  }
  for (const [name, raw] of params) {
    const prop = BY_NAME.get(name);
    // Names the page does not know (a campaign tag, a click id) are not settings.
    if (!prop) continue;
    const [value, ok] = parseValue(prop, raw);
    state[name] = value;
    if (!ok) rejected.push(name);
  }
  return { state, rejected };
}

/** The query string of a state: only the values that differ from the defaults. */
export function toQuery(state) {
  const params = new URLSearchParams();
  for (const p of PROPS) {
    const v = state[p.name];
    if (v !== undefined && v !== p.def && v !== '') params.set(p.name, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/**
 * A small store: get/set the state, keep the URL in step, notify listeners. The URL is
 * written a moment after the last change (a slider fires many), and a browser that
 * refuses the write leaves the page working.
 */
export function createStore(initial, { write = true } = {}) {
  let state = { ...initial };
  const listeners = new Set();
  let pending = 0;
  const writeUrl = () => {
    try {
      history.replaceState(null, '', location.pathname + toQuery(state) + location.hash);
    } catch {
      // Some browsers limit replaceState calls; the next change writes the URL again.
    }
  };
  return {
    get: () => state,
    /** Sets some values; listeners get the names that changed. */
    set(patch) {
      const changed = Object.keys(patch).filter((k) => state[k] !== patch[k]);
      if (!changed.length) return;
      state = { ...state, ...patch };
      if (write && typeof history !== 'undefined') {
        clearTimeout(pending);
        pending = setTimeout(writeUrl, 120);
      }
      for (const fn of listeners) fn(changed, state);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
