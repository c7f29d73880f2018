// The typed boundary between engine, page and command line: the page's settings
// table comes from the engine, its URL rules match the command line's, every error kind is
// worded in both languages, and a page link gives the same numbers on the command line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import engine, { readJson } from './load.mjs';
import { rnnp } from './cli.mjs';
import { LANGUAGES, errorText, setLanguage } from '../../www/i18n.js';
import { addProps, configFor, fromSchema, parseQuery, parseValue, toQuery } from '../../www/state.js';
import { dateTime, num, whole } from '../../www/ui/format.js';

addProps(fromSchema(engine.settingsSchema()));

test('the page reads URL values by the same rules as rnnp --from-url', () => {
  const { cases } = readJson('tests/fixtures/url/cases.json');
  for (const c of cases) {
    const prop = { ...c.kind, maxLength: c.kind.maxLength, def: 'DEFAULT' };
    const [value, ok] = parseValue(prop, c.raw);
    assert.equal(ok, c.value !== null, `${JSON.stringify(c.kind)} ${JSON.stringify(c.raw)}`);
    if (ok) assert.equal(value, c.value, JSON.stringify(c));
  }
});

test('the page reads whole links as rnnp --from-url does: the last of a repeated key, two-digit escapes', () => {
  const { queries } = readJson('tests/fixtures/url/cases.json');
  const base = parseQuery('').state;
  for (const q of queries) {
    // (The page reads location.search, which has no #fragment.)
    const { state, rejected } = parseQuery(q.query.split('#')[0]);
    for (const [key, want] of Object.entries(q.values)) assert.equal(state[key], want === 'default' ? base[key] : want, `${q.query}: ${key}`);
    assert.deepEqual(rejected, q.rejected, q.query);
  }
});

test('old names in links handed out still work: view=generate, winit=, and a hidden winit', () => {
  const { state, rejected } = parseQuery('?view=generate&winit=gaussian');
  assert.deepEqual(rejected, []);
  assert.equal(state.view, 'write');
  assert.equal(state.ginit, 'gaussian');
  assert.equal(toQuery(state), '?view=write&ginit=gaussian', 'written by the new names');
  const hide = { name: 'hide', type: 'list', values: ['ginit', 'seed'], aliases: { winit: 'ginit' }, def: '' };
  assert.deepEqual(parseValue(hide, 'winit,seed'), ['ginit,seed', true]);
});

test('a list with an unknown name is refused and keeps the names it knows', () => {
  const hide = { name: 'hide', type: 'list', values: ['seed', 'train', 'text'], def: '' };
  assert.deepEqual(parseValue(hide, 'everything,train'), ['train', false]);
  assert.deepEqual(parseValue(hide, 'text,seed,text'), ['seed,text', true]);
  assert.deepEqual(parseValue(hide, 'nothing'), ['', false]);
  assert.deepEqual(parseValue(hide, ''), ['', true]);
});

test('the settings table comes from the engine: keys, limits and defaults', () => {
  const { state, rejected } = parseQuery('?cell=lstm&units=99&radius=1.2&lang=zh&view=gradients&utm=x');
  assert.deepEqual(rejected, ['units']);
  assert.equal(state.cell, 'lstm');
  assert.equal(state.units, 8, 'a refused value keeps the engine default');
  assert.equal(state.radius, 1.2);
  assert.equal(toQuery(state), '?view=gradients&lang=zh&cell=lstm&radius=1.2');
  const config = configFor(state, 'sentence');
  assert.equal(config.cell, 'lstm');
  assert.equal(config.learningRate, 0.01);
  assert.equal(configFor(state, 'lab').radius, 1.2);
  // The engine accepts exactly the configs the table makes (unknown keys would be refused).
  new engine.Playground(config).free();
  new engine.GradientLab(configFor(state, 'lab')).free();
});

test('a config with an unknown key is refused with the key’s name', () => {
  try {
    new engine.Playground({ learning_rate: 0.1 });
    assert.fail('accepted');
  } catch (e) {
    assert.equal(e.detail.kind, 'unknownField');
    assert.equal(e.detail.field, 'learning_rate');
    assert.ok(e.detail.allowed.includes('learningRate'));
  }
});

test('every error kind, and every expected and found value, is worded in both languages', () => {
  // Every kind, and a wrong type for every `expected` and every `got`, as the engine
  // serialises them (written by src/error.rs's tests from Expected::all and Found::all).
  const examples = readJson('tests/fixtures/errors.json');
  const family = /\b(error|quantity|nonFinite|expected|found|modelUse|jsonProblem|counted|field)\.\w/;
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const e of examples) {
      const text = errorText(e);
      const what = `${lang} ${e.kind} ${JSON.stringify(e.expected ?? '')} ${JSON.stringify(e.got ?? '')}`;
      assert.ok(text.length > 5, `${what}: ${text}`);
      assert.ok(!/\{\w+\}/.test(text), `${what}: unfilled placeholder in ${text}`);
      assert.ok(!/^error\.|undefined\b(?! \(|（)|\[object/.test(text), `${what}: ${text}`);
      // Its own template in this language (not the English one, not the bare kind), and
      // every part worded (no key such as quantity.loss left in the sentence).
      assert.ok(`error.${e.kind}` in LANGUAGES[lang], `${lang}: no template error.${e.kind}`);
      assert.ok(!family.test(text), `${what}: a key left in ${text}`);
      for (const part of [e.expected, e.got]) {
        if (part && typeof part === 'object') assert.ok(`${part === e.got ? 'found' : 'expected'}.${part.is}` in LANGUAGES[lang], `${what}: not worded in ${lang}`);
      }
    }
  }
  // The page words exactly the values the engine has: no missing one, no stale one.
  const values = (name, part) => [...new Set(examples.filter((e) => e.kind === 'wrongType').map((e) => `${name}.${e[part].is}`))].sort();
  const keys = (name) => Object.keys(LANGUAGES.en).filter((k) => k.startsWith(`${name}.`)).sort();
  assert.deepEqual(keys('expected'), values('expected', 'expected'));
  assert.deepEqual(keys('found'), values('found', 'got'));
  const problems = [...new Set(examples.filter((e) => e.kind === 'json').map((e) => `jsonProblem.${e.problem}`))].sort();
  assert.deepEqual(keys('jsonProblem'), problems);
  // The parts errors are worded from exist in both languages alike.
  const parts = (lang) => Object.keys(LANGUAGES[lang]).filter((k) => /^(error|quantity|nonFinite|expected|found|modelUse|jsonProblem|counted|field)\./.test(k)).sort();
  assert.deepEqual(parts('zh'), parts('en'));
  setLanguage('zh');
  const zh = errorText(examples.find((e) => e.kind === 'tooLong'));
  setLanguage('en');
  assert.notEqual(errorText(examples.find((e) => e.kind === 'tooLong')), zh);
});

test('numbers that overflowed are shown as overflow, never as NaN or Infinity', () => {
  for (const lang of ['zh', 'en']) {
    setLanguage(lang);
    for (const v of [NaN, Infinity, -Infinity]) {
      const text = num(v);
      assert.ok(!/NaN|Infinity/.test(text.replace(/not a number|NaN（/, '')), text);
      assert.ok(text.length > 3, text);
    }
  }
  setLanguage('en');
  assert.match(num(Infinity), /overflow/);
  assert.equal(num(0.000123, 3), '1.23e-4');
});

test('whole numbers and dates are written without the browser\'s locale formats (their first use is a long task)', () => {
  assert.equal(whole(30580), '30,580');
  assert.equal(whole(1234567.4), '1,234,567');
  assert.equal(whole(999), '999');
  assert.equal(dateTime(new Date(2026, 11, 3, 14, 5).getTime()), '2026-12-03 14:05');
  assert.equal(dateTime(NaN), '–');
});

test('a page link and rnnp --from-url give bit-identical losses after training', () => {
  const url = 'https://example.org/rnn-playground/?cell=lstm&units=16&lr=0.02&clip=value&clipAt=2&seed=5&trained=120&text=the+cat+sat+on+the+mat';
  // The page: its own URL rules, its config, the engine in WebAssembly.
  const { state, rejected } = parseQuery(new URL(url).search);
  assert.deepEqual(rejected, []);
  const pg = new engine.Playground(configFor(state, 'sentence'));
  pg.train(state.trained);
  const page = { losses: Array.from(pg.losses()), sentenceLoss: pg.sentenceLoss() };
  pg.free();
  // The command line, natively.
  const out = rnnp(['train', 'sentence', '--from-url', url, '--json']);
  assert.equal(out.status, 0, out.stderr);
  const cli = JSON.parse(out.stdout);
  assert.equal(cli.losses.length, 120);
  // JSON carries each float32 in its shortest decimal, which reads back to the same float32.
  assert.deepEqual(cli.losses.map((x) => Math.fround(x)), page.losses);
  assert.equal(Math.fround(cli.sentence_loss), page.sentenceLoss);
});

test('prose gets real subscripts for x_t, W_{hh} and ρ^(T−t), and leaves names such as input_shape alone', async () => {
  const { richPieces } = await import('../../www/i18n.js');
  assert.deepEqual(richPieces('∂L/∂W_{hh} at h_t'), [['∂L/∂W', null], ['hh', 'sub'], [' at h', null], ['t', 'sub']]);
  assert.deepEqual(richPieces('ρ^(T−1) = 2'), [['ρ', null], ['T−1', 'sup'], [' = 2', null]]);
  assert.deepEqual(richPieces('needs input_shape=(None, 1)'), [['needs input_shape=(None, 1)', null]]);
  assert.deepEqual(richPieces('σ_{max}'), [['σ', null], ['max', 'sub']]);
  // Powers with several digits, and of a number, are raised whole.
  assert.deepEqual(richPieces('ρ^49 and 0.73^49 ≈ 2'), [['ρ', null], ['49', 'sup'], [' and 0.73', null], ['49', 'sup'], [' ≈ 2', null]]);
});
