// The Write view's engine through wasm: a character model trained as the page's job (in
// chunks, as the worker runs it) has the weights and writes the samples the native
// command line does for the same settings and seeds; the desk, stepped one character at a
// time, writes what `rnnp write` writes from the same model file; texts that cannot be
// learned are refused with an error the page can word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import engine from './load.mjs';
import { rnnp } from './cli.mjs';
import { runJob as jobRun } from './run-job.mjs';

const tang = readFileSync(new URL('../../assets/corpora/tang-poems.txt', import.meta.url), 'utf8');
const text = [...tang].slice(0, 4000).join('');
const config = { cell: 'lstm', units: 16, seqLen: 16, batchSize: 4, learningRate: 0.01, seed: 7 };

const runJob = (payload, chunk, cache) => jobRun('textTrain', payload, chunk, cache);

test('the training job in chunks is the command line to the bit, and so are the samples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rnnp-write-'));
  writeFileSync(join(dir, 'corpus.txt'), text);
  const payload = { corpus: 'c', text, config, from: 0, target: 30, every: 10, prompt: '春' };
  const cache = new Map();
  const [first] = runJob({ ...payload, target: 12 }, 5, cache);
  // Resumed from 12 in the same worker: the network goes on.
  const [result, reports] = runJob({ ...payload, from: 12 }, 3, cache);
  assert.equal(first.updates, 12);
  assert.equal(result.updates, 30);
  assert.equal(result.history.losses.length, 30);
  assert.deepEqual(result.history.heldOut.map(([u]) => u), [10, 12, 20, 30]);
  assert.ok(reports.every((r) => r.target === 30 && r.updates <= 30));
  const args = ['train', 'text', '--corpus', join(dir, 'corpus.txt'), '--cell', 'lstm', '--units', '16', '--seq-len', '16', '--batch-size', '4', '--lr', '0.01', '--seed', '7', '--updates', '30', '--every', '10', '--seed-text', '春', '--length', '80', '--temperature', '0.8', '--sample-seed', '1', '--save', join(dir, 'model.json')];
  const out = rnnp(args);
  assert.equal(out.status, 0, out.stderr);
  const native = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  // The page's desk takes the weights the job hands back; its model file is the native one.
  const desk = new engine.WritingDesk();
  const summary = desk.useWeights(result.weights.config, result.weights.vocabulary, result.weights.params);
  const ours = JSON.parse(desk.modelFile());
  assert.ok(ours.weights.kernel.length > 0 && ours.weights.dense_kernel.length > 0);
  assert.deepEqual(ours.weights, native.weights, 'the same weights, to the bit');
  assert.deepEqual(ours.vocabulary, native.vocabulary);
  // The command line prints its sample after each 10 updates (line breaks as " / ").
  const printed = out.stdout.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.slice(2));
  const samples = reports.at(-1).samples.map((s) => s.text.replace(/\n/g, ' / '));
  assert.deepEqual(samples.slice(-2), printed.slice(-2));

  // The desk, one step at a time, writes what `rnnp write` writes from the file.
  assert.deepEqual(desk.useModel(readFileSync(join(dir, 'model.json'), 'utf8')), summary);
  assert.deepEqual(summary, { cell: 'lstm', units: 16, vocabulary: native.vocabulary.length, start: native.vocabulary.find((c) => c.trim() !== '') });
  desk.begin('山', 9);
  let written = '';
  for (let i = 0; i < 40; i++) written += desk.step(1).picked.text;
  const gen = rnnp(['write', '--model', join(dir, 'model.json'), '--seed-text', '山', '--length', '40', '--temperature', '1', '--sample-seed', '9']);
  assert.equal(gen.status, 0, gen.stderr);
  assert.equal(written, gen.stdout.replace(/\n$/, ''));
  const poems = desk.poems(5, '春', '\n', 0.8, 2);
  assert.equal(poems.length, 5);
  assert.deepEqual(poems, desk.poems(5, '春', '\n', 0.8, 2));
  // Poem k of a seed is the poem of seed + k: the page writes them one at a time.
  assert.equal(poems[3], desk.poem('春', '\n', 0.8, 5));
  // Weights that do not fill the network are refused, not a crash.
  assert.throws(() => desk.useWeights(result.weights.config, result.weights.vocabulary, new Float32Array(10)), (e) => e.detail.kind === 'shape');
});

test('texts that cannot be learned are refused with what is wrong', () => {
  const kind = (t) => {
    try {
      new engine.TextTrainer(t, config);
      return null;
    } catch (err) {
      return err.detail;
    }
  };
  assert.deepEqual(kind(''), { kind: 'empty', field: 'corpus' });
  assert.equal(kind('啊'.repeat(3000)).field, 'vocabulary');
  assert.equal(kind('春风吹柳绿').field, 'corpus');
  const desk = new engine.WritingDesk();
  assert.throws(() => desk.step(1), (e) => e.detail.kind === 'missing');
  assert.throws(() => desk.useModel('{"not": "a model"}'), (e) => e.name === 'RnnError');
});

test('the sizes the Write view says of its shipped texts (counted when the site is built) are the engine’s', async () => {
  const { corpusCounts } = await import('../../www/build/corpora-plugin.js');
  const counts = corpusCounts();
  assert.deepEqual(Object.keys(counts), ['shakespeare-sonnets.txt', 'tang-poems.txt']);
  for (const [file, { chars, vocabulary }] of Object.entries(counts)) {
    const text = readFileSync(new URL(`../../assets/corpora/${file}`, import.meta.url), 'utf8');
    const trainer = new engine.TextTrainer(text, config);
    assert.deepEqual(Array.from(trainer.corpusSize()), [chars, vocabulary], file);
    trainer.free();
  }
});
