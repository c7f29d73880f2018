// The WebAssembly build in Node, through the JavaScript API the page uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import engine, { memoryBytes, readJson, normwise } from './load.mjs';

const PARITY = 'tests/fixtures/parity';

test('the wasm build agrees with TensorFlow.js and Keras on every parity fixture', () => {
  const files = readdirSync(PARITY).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 30, `found ${files.length} fixtures`);
  for (const f of files) {
    const fx = readJson(`${PARITY}/${f}`);
    const out = engine.traceJson(JSON.stringify(fx.model), JSON.stringify(fx.request));
    assert.deepEqual(out.notFinite, []);
    const ours = JSON.parse(out.json);
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
  assert.equal(report.diverged, undefined);
  const pinned = readFileSync(new URL('../fixtures/determinism/sentence-lstm-seed7-40-epochs.json', import.meta.url), 'utf8');
  assert.equal(pg.modelJson(), pinned);
  pg.free();
});

test('the seed sentence: untrained loss near ln 5, trained predictions above 0.9', () => {
  const pg = new engine.Playground({});
  const info = pg.info();
  assert.deepEqual(info.tokens, ['我', '爱', '北京', '天安门']);
  assert.equal(info.endId, 4);
  assert.ok(Math.abs(pg.sentenceLoss() - Math.log(5)) < 0.15, `untrained loss ${pg.sentenceLoss()}`);
  pg.train(300);
  const rows = pg.predictions();
  assert.equal(rows[0].token, '我');
  assert.equal(rows[0].predicted, '爱');
  for (const r of rows) assert.ok(r.expectedProbability > 0.9, JSON.stringify(r));
  pg.free();
});

test('stepping forward then back through time, as the buttons do', () => {
  const pg = new engine.Playground({ cell: 'gru' });
  assert.equal(pg.bpttStep(), null, 'no backward step before the sentence is read');
  const steps = [];
  for (let r = pg.step(); r; r = pg.step()) steps.push(r);
  assert.equal(steps.length, 4);
  assert.equal(steps[1].hPrev.join(), steps[0].h.join(), 'h_{t-1} of a step is h_t of the one before');
  assert.deepEqual(steps[0].gates.map((g) => g.name), ['z', 'r', 'h']);
  assert.equal(steps[0].best, steps[0].probs.indexOf(Math.max(...steps[0].probs)));
  const back = [];
  for (let r = pg.bpttStep(); r; r = pg.bpttStep()) back.push(r);
  assert.deepEqual(back.map((b) => b.t), [3, 2, 1, 0]);
  assert.equal(back[0].gate, 'h');
  assert.equal(back[0].dWhh.length, 8);
  assert.ok(pg.stepBack());
  assert.deepEqual(pg.position(), { forward: 4, backward: 3, length: 4, loss: pg.position().loss });
  pg.reset();
  assert.equal(pg.position().forward, 0);
  assert.deepEqual(pg.goTo(4, 2), { forward: 4, backward: 2, length: 4, loss: pg.position().loss });
  assert.throws(() => pg.goTo(3, 1), (e) => e.detail.kind === 'outOfRange' && e.detail.field === 'back');
  pg.free();
});

/** The engine's error thrown by `fn`, as its detail. */
function detail(fn) {
  try {
    fn();
  } catch (e) {
    assert.equal(e.name, 'RnnError', String(e));
    return e.detail;
  }
  assert.fail('no error');
}

test('bad settings and bad files are errors with a kind and fields, not crashes', () => {
  assert.deepEqual(detail(() => new engine.Playground({ units: 0 })), { kind: 'outOfRange', field: 'units', value: '0', min: 1, max: 64 });
  assert.deepEqual(detail(() => new engine.Playground({ text: '   ' })), { kind: 'empty', field: 'text' });
  assert.equal(detail(() => new engine.Playground({ cell: 'transformer' })).kind, 'notOneOf');
  assert.deepEqual(detail(() => new engine.Playground({ unit: 8 })).field, 'unit');
  assert.equal(detail(() => new engine.Playground({ unit: 8 })).kind, 'unknownField');
  assert.equal(detail(() => engine.traceJson('{"format": "nope"}', '{}')).kind, 'format');
  // The engine still works after the errors.
  const pg = new engine.Playground({ text: 'a b c', tokenize: 'words' });
  assert.equal(pg.info().vocabulary.length, 4);
  pg.free();
});

test('numbers from JavaScript are checked, never cut or wrapped', () => {
  // 2^32 + 4 is not 4, and -1 epochs is not 4 294 967 295.
  assert.deepEqual(detail(() => new engine.Playground({ units: 4294967300 })), { kind: 'outOfRange', field: 'units', value: '4294967300', min: 1, max: 64 });
  const pg = new engine.Playground({});
  assert.equal(detail(() => pg.train(-1)).kind, 'outOfRange');
  assert.equal(detail(() => pg.train(2.5)).kind, 'notWhole');
  assert.equal(detail(() => pg.train(NaN)).kind, 'notWhole');
  assert.equal(detail(() => new engine.Playground({ units: 2.5 })).kind, 'notWhole');
  assert.equal(detail(() => new engine.Playground({ units: '8' })).kind, 'wrongType');
  // Wrong argument types are errors, not "memory access out of bounds".
  assert.deepEqual(detail(() => engine.traceJson({}, '{}')), { kind: 'wrongType', field: 'model', expected: { is: 'text' }, got: { is: 'object' } });
  assert.equal(detail(() => pg.adopt([1, 2], [])).kind, 'wrongType');
  assert.equal(detail(() => pg.draw({}, {}, { hidden: { title: '', unit: '', step: '', empty: '' } })).kind, 'wrongType');
  // Sizes the engine accepts cannot run out of memory: a budget refuses them first.
  assert.equal(detail(() => new engine.SeriesLab({ sequences: 20000, length: 500, units: 256, batchSize: 2048 })).kind, 'outOfRange');
  assert.equal(detail(() => new engine.SeriesLab({ sequences: 4096, length: 200, units: 256, batchSize: 256 })).kind, 'tooBig');
  const lab = new engine.GradientLab({});
  assert.equal(detail(() => lab.startRace({ lengths: [1000], cells: ['lstm'], units: 256, testSize: 10000, updates: 1, batchSize: 1 })).kind, 'outOfRange');
  assert.equal(detail(() => new engine.GradientLab({ seqLen: 1000, units: 256, cell: 'lstm' })).kind, 'outOfRange');
  // The objects still work.
  assert.equal(pg.step().t, 0);
  lab.free();
  pg.free();
});

test('a 141-byte model file asking for a huge network is refused before anything is allocated', () => {
  const before = memoryBytes();
  const text = '{"format":"rnn-playground/model@1","cell":"lstm","input_size":4096,"units":4096,"output_size":4096,"output":"softmax","weights":{}}';
  assert.ok(text.length < 150);
  assert.equal(detail(() => engine.checkModel(text)).kind, 'tooBig');
  assert.equal(memoryBytes(), before);
});

test('a trace longer than the step limit is refused before it runs, and memory does not grow (9.3)', () => {
  const pg = new engine.Playground({});
  const model = pg.modelJson();
  pg.free();
  const request = (steps, y) => JSON.stringify({ x: Array.from({ length: steps }, () => [1, 0, 0, 0, 0]), y: y ?? Array(steps).fill(0), loss: 'cross_entropy' });
  // Within the limit it runs.
  assert.equal(JSON.parse(engine.traceJson(model, request(10)).json).hidden.length, 10);
  const big = request(10001);
  const before = memoryBytes();
  const d = detail(() => engine.traceJson(model, big));
  assert.equal(d.kind, 'outOfRange');
  assert.equal(d.max, 10000);
  assert.ok(memoryBytes() - before < 16 << 20, 'no room made for the refused trace');
});

test('64-bit numbers are not truncated: a class id of 2^32 + 2 is refused, as on the command line (9.5)', () => {
  const pg = new engine.Playground({});
  const model = pg.modelJson();
  pg.free();
  const d = detail(() => engine.traceJson(model, JSON.stringify({ x: [[1, 0, 0, 0, 0]], y: [4294967298], loss: 'cross_entropy' })));
  assert.equal(d.kind, 'classOutOfRange');
  assert.match(JSON.stringify(d), /4294967298/);
});

test('the gradient check runs in slices and agrees with BPTT', () => {
  for (const cell of ['simple_rnn', 'lstm', 'gru']) {
    const pg = new engine.Playground({ cell });
    let g = pg.startGradcheck();
    while (g.checked < g.planned) g = pg.gradcheckStep(25);
    assert.ok(g.worstRelativeError < 1e-2, `${cell}: ${JSON.stringify(g)}`);
    assert.ok(g.judged > 20);
    pg.free();
  }
});

test('a trap restarts the module; old objects say they are stale; new ones work', () => {
  const pg = new engine.Playground({});
  assert.throws(() => engine.debugPanic(), WebAssembly.RuntimeError);
  assert.match(engine.lastPanic(), /deliberate test panic/);
  engine.__wbg_reset_state();
  assert.throws(() => pg.step(), /stale object/);
  const fresh = new engine.Playground({});
  assert.equal(fresh.step().t, 0);
  fresh.free();
});

test('the lab measures its parts one call at a time: the flow first, then each cell (shown once all three are), then the Jacobians', () => {
  const lab = new engine.GradientLab({ seqLen: 20 });
  let v = lab.view();
  assert.equal(v.flow.norms.length, 20);
  assert.deepEqual([v.cells.length, v.flow.jacobianNorms.length], [0, 0]);
  for (let i = 0; i < 2; i++) {
    assert.equal(lab.measureMore(), true);
    assert.deepEqual(lab.measured(), { cells: false, jacobians: false });
    assert.equal(lab.view().cells.length, 0);
  }
  assert.equal(lab.measureMore(), true);
  assert.deepEqual(lab.measured(), { cells: true, jacobians: false });
  assert.deepEqual([lab.view().cells.length, lab.view().flow.jacobianNorms.length], [3, 0]);
  assert.equal(lab.measureMore(), true);
  v = lab.view();
  assert.deepEqual([v.cells.length, v.flow.jacobianNorms.length], [3, 20]);
  assert.equal(lab.measureMore(), false);
  // New settings start over.
  lab.setConfig({ seqLen: 30 });
  assert.deepEqual([lab.view().flow.norms.length, lab.view().cells.length], [30, 0]);
  lab.free();
});
