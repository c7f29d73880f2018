// The page's settings and the URL: one declarative table of every setting, so a shared
// link opens exactly the same screen (seed included). The engine gives the table of its
// own settings (keys, kinds, limits, defaults: `settingsSchema()`); this module adds the
// page's own (view, language, speed, ...). A value the table does not allow falls back to
// its default, and the names of such values are reported. The rules here are the same as
// the command line's `rnnp --from-url` (tests/fixtures/url/cases.json checks both).

import { VIEW_ALIASES, VIEW_NAMES } from './views/index.js';
import { CHAPTERS } from './lesson/chapters.js';

/**
 * @typedef {{name: string, type: 'choice'|'int'|'number'|'text'|'flag'|'list', values?: (string|number)[],
 *   min?: number, max?: number, maxLength?: number, def: any, group?: string, field?: string,
 *   history?: 'push', alias?: string, aliases?: Record<string, string>}} Prop
 *   `group`/`field`: the engine config and field a setting sets; `history: 'push'`: changing
 *   it adds a browser history entry (Back returns), others replace the current one. A
 *   `list` is comma-separated names, each one of `values` (the value is a sorted string).
 *   `alias`: the key's old name, still read from links; `aliases`: old values a choice
 *   still reads, as {old: value}.
 */

/**
 * The page's own settings. Those the engine bounds (the sentence view's moment, how the
 * Write view trains and writes) are in its table, with the group "page" (`fromSchema`).
 */
export const PAGE_PROPS = [
  { name: 'view', type: 'choice', values: VIEW_NAMES, aliases: VIEW_ALIASES, def: VIEW_NAMES[0], history: 'push' },
  { name: 'lang', type: 'choice', values: ['zh', 'en'], def: '' },
  { name: 'speed', type: 'number', min: 0.25, max: 4, def: 1 },
  { name: 'fixedAxis', type: 'flag', def: true },
  // The lesson's chapter (0: no lesson).
  { name: 'lesson', type: 'int', min: 0, max: CHAPTERS.length, def: 0, history: 'push' },
  // What a lecturer hid from the class (ui/hide.js names every part that can be hidden).
  { name: 'hide', type: 'list', values: [], def: '' },
  // The text the Write view learns.
  { name: 'corpus', type: 'choice', values: ['tang', 'sonnets', 'own'], def: 'tang' },
  // Presenter mode (projector) and embed mode (inside another page).
  { name: 'present', type: 'flag', def: false },
  { name: 'embed', type: 'flag', def: false },
];

/** @type {Prop[]} */
export const PROPS = [...PAGE_PROPS];
/** Each prop by its name and by its old name. */
const BY_NAME = new Map(PROPS.map((p) => [p.name, p]));

/** Adds props (another view's, or the engine's). A prop already there is replaced. */
export function addProps(props) {
  for (const p of props) {
    const i = PROPS.findIndex((q) => q.name === p.name);
    if (i >= 0) PROPS[i] = p;
    else PROPS.push(p);
    BY_NAME.set(p.name, p);
    if (p.alias) BY_NAME.set(p.alias, p);
  }
}

/** Props from the engine's settings schema (`wasm.settingsSchema()`). */
export function fromSchema(settings) {
  return settings.map((s) => {
    const base = { name: s.key, alias: s.alias, group: s.group, field: s.field, def: s.default };
    switch (s.kind.type) {
      case 'choice':
        return { ...base, type: 'choice', values: s.kind.values };
      case 'int':
        return { ...base, type: 'int', min: s.kind.min, max: s.kind.max };
      case 'number':
        return { ...base, type: 'number', min: s.kind.min, max: s.kind.max };
      default:
        return { ...base, type: 'text', maxLength: s.kind.maxLength };
    }
  });
}

/** The prop called `name`. */
export function prop(name) {
  return BY_NAME.get(name);
}

/** The default of every prop. */
export function defaults() {
  return Object.fromEntries(PROPS.map((p) => [p.name, p.def]));
}

/** The value an old name in a link stands for (`p.aliases`), or the name itself. */
const unalias = (p, raw) => (p.aliases && Object.hasOwn(p.aliases, raw) ? p.aliases[raw] : raw);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Checks one raw string against its prop; returns [value, ok]. */
export function parseValue(p, raw) {
  switch (p.type) {
    case 'choice': {
      const name = unalias(p, raw);
      const v = p.values.find((x) => String(x) === name);
      return v === undefined ? [p.def, false] : [v, true];
    }
    case 'int': {
      if (!/^-?\d+$/.test(raw)) return [p.def, false];
      const n = Number(raw);
      return n >= p.min && n <= p.max ? [n + 0, true] : [p.def, false];
    }
    case 'number': {
      if (!DECIMAL.test(raw)) return [p.def, false];
      const n = Number(raw);
      return Number.isFinite(n) && n >= p.min && n <= p.max ? [n, true] : [p.def, false];
    }
    case 'flag':
      return raw === 'true' || raw === 'false' || raw === '1' || raw === '0' ? [raw === 'true' || raw === '1', true] : [p.def, false];
    case 'text':
      // Characters as the engine counts them (code points, not UTF-16 units).
      return [...raw].length <= (p.maxLength ?? 200) && raw.trim() !== '' ? [raw, true] : [p.def, false];
    case 'list': {
      // An unknown name is refused, and the known ones beside it are kept.
      const names = raw.split(',').filter((x) => x !== '').map((n) => unalias(p, n));
      const known = [...new Set(names.filter((n) => p.values.includes(n)))].sort().join(',');
      return [known, names.every((n) => p.values.includes(n))];
    }
    default:
      return [p.def, false];
  }
}

/** Whether `name` is one of the page's settings (once the engine's have joined). */
export const isSetting = (name) => BY_NAME.has(name);

/**
 * Reads the settings from a query string. Unknown names are ignored; bad values take
 * their default and are listed in `rejected`.
 * @returns {{state: Record<string, any>, rejected: string[]}}
 */
export function parseQuery(search) {
  const state = defaults();
  const rejected = [];
  for (const [name, raw] of new URLSearchParams(search)) {
    const p = BY_NAME.get(name);
    // Names the page does not know (a campaign tag, a click id) are not settings.
    if (!p) continue;
    const [value, ok] = parseValue(p, raw);
    state[p.name] = value;
    if (!ok) rejected.push(name);
  }
  return { state, rejected };
}

/** The query string of a state: only the values that differ from the defaults. */
export function toQuery(state) {
  const params = new URLSearchParams();
  for (const p of PROPS) {
    const v = state[p.name];
    if (v !== undefined && v !== p.def && v !== '') params.set(p.name, p.type === 'flag' ? (v ? '1' : '0') : String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The engine config of `group` (sentence, lab, explode, series) from the page's state. */
export function configFor(state, group) {
  const config = {};
  for (const p of PROPS) if (p.group === group && p.field !== 'trained') config[p.field] = state[p.name];
  return config;
}

/**
 * A small store: get/set the state, keep the URL in step, notify listeners. A change of
 * a `history: 'push'` prop (the view) adds a history entry at once, so Back returns to
 * it; other changes replace the current entry a moment after the last one (a slider
 * fires many). A browser that refuses the write leaves the page working.
 */
export function createStore(initial, { write = true } = {}) {
  let state = { ...initial };
  const listeners = new Set();
  let pending = 0;
  const url = () => location.pathname + toQuery(state) + location.hash;
  const writeUrl = (push) => {
    try {
      if (push) history.pushState(null, '', url());
      else history.replaceState(null, '', url());
    } catch {
      // Some browsers limit history calls; the next change writes the URL again.
    }
  };
  // The listeners of this moment: one added while they run (a view mounted by a change of
  // view) starts with the next change, not with the one that made it.
  const notify = (changed, meta = {}) => {
    for (const fn of [...listeners]) fn(changed, state, meta);
  };
  return {
    get: () => state,
    /**
     * Sets some values; listeners get the names that changed. `meta.restore`: the values
     * are a whole moment (a lesson chapter), so views go to it as to a link's.
     */
    set(patch, meta = {}) {
      const changed = Object.keys(patch).filter((k) => state[k] !== patch[k]);
      if (!changed.length) return;
      state = { ...state, ...patch };
      if (write && typeof history !== 'undefined') {
        clearTimeout(pending);
        if (changed.some((k) => BY_NAME.get(k)?.history === 'push')) writeUrl(true);
        else pending = setTimeout(() => writeUrl(false), 120);
      }
      notify(changed, meta);
    },
    /** Replaces the whole state (Back and Forward), without writing the URL. */
    replace(next) {
      const changed = Object.keys(next).filter((k) => state[k] !== next[k]);
      state = { ...next };
      if (changed.length) notify(changed, { fromHistory: true });
    },
    /** Writes the URL now (before copying a link). */
    flush() {
      clearTimeout(pending);
      if (write) writeUrl(false);
    },
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
}
