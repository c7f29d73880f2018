// The WebAssembly build in Node, through the JavaScript API the page uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import engine, { readJson, normwise } from './load.mjs';

const PARITY = 'tests/fixtures/parity';

test('the wasm build agrees with TensorFlow.js and Keras on every parity fixture', () => {
  const files = readdirSync(PARITY).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 30, `found ${files.length} fixtures`);
  for (const f of files) {
    const fx = readJson(`${PARITY}/${f}`);
    const ours = JSON.parse(engine.traceJson(JSON.stringify(fx.model), JSON.stringify(fx.request)));
    for (const key of ['hidden', 'outputs', 'loss', 'dh_norms', ...(fx.trace.cell ? ['cell'] : [])]) {
      const err = normwise(ours[key], fx.trace[key]);
      assert.ok(err <= 1e-5, `${f}: ${key} differs by ${err}`);
    }
    for (const [name, g] of Object.entries(fx.trace.grads)) {
      const err = normwise(ours.grads[name], g);
      assert.ok(err <= 1e-5, `${f}: grads.${name} differs by ${err}`);
    }
  }
});

test('the same seed gives the same weights as the native build, to the bit', () => {
  const pg = new engine.Playground({ cell: 'lstm', seed: 7, units: 6 });
  const report = pg.train(40);
  assert.equal(report.diverged, null);
  const pinned = readFileSync(new URL('../fixtures/determinism/sentence-lstm-seed7-40-epochs.json', import.meta.url), 'utf8');
  assert.equal(pg.modelJson(), pinned);
  pg.free();
});

test('the seed sentence: untrained loss near ln 5, trained predictions above 0.9', () => {
  const pg = new engine.Playground({});
  const info = pg.info();
  assert.deepEqual(info.tokens, ['我', '爱', '北京', '天安门']);
  assert.ok(Math.abs(pg.sentenceLoss() - Math.log(5)) < 0.15, `untrained loss ${pg.sentenceLoss()}`);
  pg.train(300);
  const rows = pg.predictions();
  assert.equal(rows[0].token, '我');
  assert.equal(rows[0].predicted, '爱');
  for (const r of rows) assert.ok(r.expected_probability > 0.9, JSON.stringify(r));
  pg.free();
});

test('stepping forward then back through time, as the buttons do', () => {
  const pg = new engine.Playground({ cell: 'gru' });
  assert.equal(pg.bpttStep(), null, 'no backward step before the sentence is read');
  const steps = [];
  for (let r = pg.step(); r; r = pg.step()) steps.push(r);
  assert.equal(steps.length, 4);
  assert.equal(steps[1].h_prev.join(), steps[0].h.join(), 'h_{t-1} of a step is h_t of the one before');
  const back = [];
  for (let r = pg.bpttStep(); r; r = pg.bpttStep()) back.push(r);
  assert.deepEqual(back.map((b) => b.t), [3, 2, 1, 0]);
  assert.ok(pg.stepBack());
  assert.deepEqual(pg.position(), { forward: 4, backward: 3, length: 4, loss: pg.position().loss });
  pg.reset();
  assert.equal(pg.position().forward, 0);
  pg.free();
});

test('bad settings and bad files are errors with the engine\'s message, not crashes', () => {
  assert.throws(() => new engine.Playground({ units: 0 }), /units/);
  assert.throws(() => new engine.Playground({ text: '   ' }), /empty/);
  assert.throws(() => new engine.Playground({ cell: 'transformer' }), /transformer/);
  assert.throws(() => engine.traceJson('{"format": "nope"}', '{}'), /format/);
  // The engine still works after the errors.
  const pg = new engine.Playground({ text: 'a b c', tokenize: 'words' });
  assert.equal(pg.info().vocabulary.length, 4);
  pg.free();
});

test('the gradient check of the page agrees with BPTT', () => {
  for (const cell of ['simple_rnn', 'lstm', 'gru']) {
    const pg = new engine.Playground({ cell });
    const g = pg.gradcheck();
    assert.ok(g.worst_relative_error < 1e-2, `${cell}: ${JSON.stringify(g)}`);
    assert.ok(g.judged > 20);
    pg.free();
  }
});
