// The views, in the order of their tabs. A view is its folder (index.js: `mount` and
// `TEMPLATE`; template.js; texts.js; meta.js: its engine module, hideable panels, jobs and
// warm-up) and one line here. The page's tabs and sections (index.html), the URL's `view=`,
// the hide list, the engine modules and the worker's jobs all come from this list
// (tests/wasm/views.test.mjs checks that they agree). `name` is the URL's value and the
// tab's and section's id; `was`, the names a view had in links already handed out.
import * as sentence from './sentence/meta.js';
import * as gradients from './gradients/meta.js';
import * as series from './series/meta.js';
import * as write from './write/meta.js';

export const VIEWS = [
  { name: 'sentence', meta: sentence, code: () => import('./sentence/index.js') },
  { name: 'gradients', meta: gradients, code: () => import('./gradients/index.js') },
  { name: 'series', meta: series, code: () => import('./series/index.js') },
  { name: 'write', was: ['generate'], meta: write, code: () => import('./write/index.js') },
];

/** The view called `name`. */
export const viewNamed = (name) => VIEWS.find((v) => v.name === name);

/** Every view's name. */
export const VIEW_NAMES = VIEWS.map((v) => v.name);

/** Old names of views, as links may still say them: {old: name}. */
export const VIEW_ALIASES = Object.fromEntries(VIEWS.flatMap((v) => (v.was ?? []).map((old) => [old, v.name])));

/** The engine module of each part: {part: {glue, url}}. */
export const ENGINES = Object.fromEntries(VIEWS.map((v) => [v.meta.ENGINE.part, v.meta.ENGINE]));

/** The engine module each view runs on: {view: part}. */
export const VIEW_PARTS = Object.fromEntries(VIEWS.map((v) => [v.name, v.meta.ENGINE.part]));

/** Every job of every view, each with the part it runs on. */
export const JOBS = Object.fromEntries(VIEWS.flatMap((v) => Object.entries(v.meta.JOBS).map(([name, job]) => [name, { ...job, part: v.meta.ENGINE.part }])));

/** Each part's warm-up (jobs/warm.js). */
export const WARMUPS = Object.fromEntries(VIEWS.map((v) => [v.meta.ENGINE.part, v.meta.WARMUP]));

/** Every panel a lecturer can hide, the views' in order. */
export const PANELS = VIEWS.flatMap((v) => v.meta.PANELS);
