// The page loads one engine module per view (scripts/build-wasm.sh, www/engine.js): each
// has its view's binding and what every view needs, nothing else; and each gives, to the
// bit, the numbers the whole binding gives (the tests above run on that one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import engine from './load.mjs';
import { JOBS } from '../../www/views/index.js';
import { runJob } from './run-job.mjs';

/** The classes of each view's module. */
const CLASSES = { sentence: ['Playground'], lab: ['GradientLab'], series: ['SeriesLab'], writing: ['TextTrainer', 'WritingDesk'] };
const COMMON = ['settingsSchema', 'fileLimit', 'lastPanic', 'debugPanic', 'debugOutOfMemory'];
/** What only the tests call: in the whole module, in no page module. */
const CHECKS = ['version', 'traceJson', 'checkModel'];

const parts = {};
for (const part of Object.keys(CLASSES)) {
  const glue = await import(`../../www/pkg/${part}/rnn_playground.js`);
  glue.initSync({ module: readFileSync(new URL(`../../www/pkg/${part}/rnn_playground_bg.wasm`, import.meta.url)) });
  parts[part] = glue;
}

test('each view’s module has its view’s classes and what every view needs, and no other view’s', () => {
  const all = Object.values(CLASSES).flat();
  for (const [part, glue] of Object.entries(parts)) {
    for (const name of CLASSES[part]) assert.equal(typeof glue[name], 'function', `${part} has ${name}`);
    for (const name of all.filter((n) => !CLASSES[part].includes(n))) assert.equal(glue[name], undefined, `${part} has no ${name}`);
    for (const name of COMMON) assert.equal(typeof glue[name], 'function', `${part} has ${name}`);
    for (const name of CHECKS) assert.equal(glue[name], undefined, `${part} has no ${name}`);
    assert.deepEqual(glue.settingsSchema(), engine.settingsSchema(), `${part}: the same settings`);
  }
});

const tang = readFileSync(new URL('../../assets/corpora/tang-poems.txt', import.meta.url), 'utf8');
const trained = new engine.Playground({ cell: 'gru', seed: 5 });
trained.train(15);

/** A small run of every job of the page. */
const PAYLOADS = {
  sentenceTrain: { config: { cell: 'lstm', units: 10, seed: 3 }, from: 0, epochs: 60 },
  explode: { lab: { activation: 'relu', radius: 2 }, explode: { clip: 'norm', clipThreshold: 1, updates: 30 } },
  race: { lab: { radius: 0.5 }, race: { lengths: [5], updates: 15, testSize: 16 } },
  seriesTrain: { config: { sequences: 64, length: 10, epochs: 2 } },
  textTrain: { corpus: 'c', text: [...tang].slice(0, 3000).join(''), config: { cell: 'gru', units: 12, seqLen: 12, batchSize: 4, seed: 9 }, from: 0, target: 20, every: 10, prompt: '春' },
  gradcheck: { config: { cell: 'gru', seed: 5 }, params: new Float32Array(trained.params()) },
};

/** What a run hands back, without its measured times (rates, milliseconds). */
function numbers(value) {
  return JSON.parse(JSON.stringify(value, (key, v) => (['rate', 'ms', 'elapsedMs', 'trainMs'].includes(key) ? undefined : ArrayBuffer.isView(v) ? Array.from(v) : v)));
}

test('every job of the page runs on its view’s module and gives the whole binding’s numbers, to the bit', () => {
  for (const [name, spec] of Object.entries(JOBS)) {
    assert.ok(parts[spec.part], `${name}: ${spec.part} is a module the page loads`);
    assert.ok(PAYLOADS[name], `${name} has a run here`);
    const [ours] = runJob(name, PAYLOADS[name], 7, new Map(), parts[spec.part]);
    const [whole] = runJob(name, PAYLOADS[name], 7, new Map(), engine);
    assert.deepEqual(numbers(ours), numbers(whole), name);
  }
});
