// The views' registry (www/views/index.js) against everything that lists views: each view's
// folder has its parts, and the page's tabs and sections, the URL's `view=`, the hide list,
// the engine modules (the page's and the build's) and the worker's jobs agree with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { ENGINES, JOBS, PANELS, VIEWS, VIEW_NAMES, WARMUPS } from '../../www/views/index.js';
import { LANGUAGES } from '../../www/i18n.js';
import { PAGE_PROPS } from '../../www/state.js';

const root = new URL('../../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

test('each view is a folder with its parts', () => {
  assert.ok(VIEWS.length >= 4);
  for (const { name, meta } of VIEWS) {
    for (const file of ['index.js', 'template.js', 'texts.js', 'meta.js']) assert.ok(existsSync(new URL(`www/views/${name}/${file}`, root)), `${name}: no ${file}`);
    const code = read(`www/views/${name}/index.js`);
    assert.match(code, /export function mount\(root, store, wasm, page\)/, `${name}: index.js exports mount`);
    assert.match(code, /export \{ TEMPLATE \}/, `${name}: index.js exports its TEMPLATE`);
    assert.match(code, /import '\.\/texts\.js'/, `${name}: index.js brings its texts`);
    assert.equal(typeof meta.ENGINE.glue, 'function');
    assert.ok(meta.ENGINE.url().pathname.endsWith(`/www/pkg/${meta.ENGINE.part}/rnn_playground_bg.wasm`), `${name}: the module's path`);
    assert.ok(Object.keys(meta.JOBS).length >= 1, `${name}: jobs`);
    assert.equal(typeof meta.WARMUP, 'function', `${name}: a warm-up`);
  }
});

test("the page's tabs are the registry's views, in its order, and main.js makes their sections", () => {
  const html = read('index.html');
  const tabs = [...html.matchAll(/data-view="([^"]+)" data-testid="view-([^"]+)" data-i18n="view\.([^"]+)"/g)];
  assert.deepEqual(tabs.map((m) => m[1]), VIEW_NAMES);
  for (const m of tabs) assert.ok(m[1] === m[2] && m[2] === m[3], m[0]);
  assert.equal([...html.matchAll(/<section id="view-/g)].length, 0, 'no view section is written in index.html');
  assert.match(read('www/main.js'), /for \(const name of VIEW_NAMES\) \{\n\s*roots\[name\] = Object\.assign\(document\.createElement\('section'\), \{ id: `view-\$\{name\}`, className: 'view' \}\);/);
  for (const lang of ['zh', 'en']) for (const name of VIEW_NAMES) assert.ok(LANGUAGES[lang][`view.${name}`], `${lang}: the tab of ${name}`);
});

test("the URL's view= takes exactly the registry's views", () => {
  const prop = PAGE_PROPS.find((p) => p.name === 'view');
  assert.deepEqual(prop.values, VIEW_NAMES);
  assert.equal(prop.def, VIEW_NAMES[0]);
});

test("each view's hideable panels are the ones its template and code mark, and no two views share a name", async () => {
  for (const { name, meta } of VIEWS) {
    const { TEMPLATE } = await import(`../../www/views/${name}/template.js`);
    const code = readdirSync(new URL(`www/views/${name}/`, root)).map((file) => read(`www/views/${name}/${file}`)).join('\n');
    const ids = [...`${TEMPLATE}\n${code}`.matchAll(/data-hide-id="([^"$]+)"|hideId = '([^']+)'/g)].map((m) => m[1] ?? m[2]);
    assert.deepEqual([...new Set(ids)].sort(), [...meta.PANELS].sort(), name);
  }
  assert.equal(new Set(PANELS).size, PANELS.length);
});

test('the engine modules: one per view, built from the features the build reads, each with its binding', () => {
  const parts = VIEWS.map((v) => v.meta.ENGINE.part);
  assert.equal(new Set(parts).size, VIEWS.length);
  assert.deepEqual(Object.keys(ENGINES), parts);
  const features = (file) => read(file).match(/^default = \[(.*)\]$/m)[1].split(',').map((s) => s.trim().replace(/"/g, ''));
  assert.deepEqual(features('src/web/Cargo.toml'), parts);
  // The module that links them names no view: it takes the binding's default (all of them).
  assert.deepEqual(features('src/web/module/Cargo.toml'), ['rnn-playground-web/default']);
  const web = read('src/web/mod.rs');
  for (const part of parts) {
    assert.match(web, new RegExp(`#\\[cfg\\(feature = "${part}"\\)\\]\\s*mod ${part};`), `src/web/mod.rs: the ${part} module under its feature`);
    assert.ok(existsSync(new URL(`src/web/${part}.rs`, root)), `src/web/${part}.rs`);
  }
});

test("the worker's jobs and warm-ups are the views'", () => {
  for (const { meta } of VIEWS) {
    for (const name of Object.keys(meta.JOBS)) assert.equal(JOBS[name].part, meta.ENGINE.part, name);
    assert.equal(WARMUPS[meta.ENGINE.part], meta.WARMUP);
  }
  assert.equal(Object.keys(JOBS).length, VIEWS.reduce((n, v) => n + Object.keys(v.meta.JOBS).length, 0), 'no two views name a job alike');
});

test("both languages have the same keys, the views' texts with the page's", async () => {
  for (const name of VIEW_NAMES) await import(`../../www/views/${name}/texts.js`);
  const zh = Object.keys(LANGUAGES.zh).sort();
  const en = Object.keys(LANGUAGES.en).sort();
  assert.deepEqual(zh.filter((k) => !en.includes(k)), []);
  assert.deepEqual(en.filter((k) => !zh.includes(k)), []);
  assert.ok(zh.includes('train.button') || zh.some((k) => k.startsWith('train.')), "the sentence view's texts are there");
});

test("the page's settings: the engine's limits and defaults as the engine gives them, none written again in JS", async () => {
  const { default: engine } = await import('./load.mjs');
  const { CHAPTERS } = await import('../../www/lesson/chapters.js');
  const { addProps, fromSchema, prop } = await import('../../www/state.js');
  const schema = engine.settingsSchema();
  addProps(fromSchema(schema));
  // What the page keeps itself, and nothing the engine bounds.
  assert.deepEqual(PAGE_PROPS.map((p) => p.name).sort(), ['corpus', 'embed', 'fixedAxis', 'hide', 'lang', 'lesson', 'present', 'speed', 'view']);
  assert.equal(prop('lesson').max, CHAPTERS.length);
  for (const s of schema) {
    const p = prop(s.key);
    assert.deepEqual(p.def, s.default, s.key);
    if (s.kind.type === 'int' || s.kind.type === 'number') assert.deepEqual([p.min, p.max], [s.kind.min, s.kind.max], s.key);
    if (s.kind.type === 'text') assert.equal(p.maxLength, s.kind.maxLength, s.key);
    if (s.kind.type === 'choice') assert.deepEqual(p.values, s.kind.values, s.key);
  }
  // Every field an error can name is worded in both languages (the views' texts loaded).
  for (const name of VIEW_NAMES) await import(`../../www/views/${name}/texts.js`);
  for (const lang of ['zh', 'en']) for (const s of schema) assert.ok(`field.${s.field}` in LANGUAGES[lang], `${lang}: no field.${s.field}`);
  // The settings the page itself keeps within the engine's limits (the sentence view's
  // moment, how the Write view trains and writes), with the engine's numbers.
  const page = Object.fromEntries(schema.filter((s) => s.group === 'page').map((s) => [s.key, s]));
  assert.deepEqual(Object.keys(page).sort(), ['back', 'dseed', 'highlight', 'pos', 'prompt', 'temp', 'wupdates']);
  // (Against the limits the README's table states.)
  const readme = read('README.md');
  assert.match(readme, new RegExp(`\\| write \\| temperature \\| ${page.temp.kind.min} – ${page.temp.kind.max} \\|`));
  assert.match(readme, new RegExp(`\\| sentence \\| tokens \\| 1 – ${page.pos.kind.max} \\|`));
  // A model file's limit is the engine's, in both views that open one.
  assert.equal(engine.fileLimit(), 64 * 1024 * 1024);
  for (const file of ['www/views/sentence/model-io.js', 'www/views/write/keep.js']) assert.match(read(file), /readModelFile\(file, ctx\.wasm\)/, file);
});
