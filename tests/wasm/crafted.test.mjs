// Crafted model files and corpora through the WebAssembly build and the command line, with
// their memory measured: a vocabulary entry of a megabyte, an empty or repeated one, a
// text with one "character" of 100,000 combining marks, a file of 60 MB of junk numbers.
// Each is refused by name, within a small multiple of its size (the module's memory in
// Node; the binary's address space capped by ulimit), or accepted with its output bounded.
// (tests/crafted.rs holds the native side of the class.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import engine, { memoryBytes } from './load.mjs';
import { rnnpWithin } from './cli.mjs';

const MB = 1024 * 1024;
const verse = '春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n'.repeat(40);
const small = { units: 8, seqLen: 8, batchSize: 2 };

function modelFile() {
  const trainer = new engine.TextTrainer(verse, small);
  const file = JSON.parse(trainer.modelFile());
  trainer.free();
  return file;
}

/** The error's {kind, field} of `fn()`, and how much the module's memory grew meanwhile. */
function refusal(fn) {
  const before = memoryBytes();
  try {
    fn();
  } catch (err) {
    return { kind: err.detail?.kind, field: err.detail?.field, grew: memoryBytes() - before };
  }
  return { kind: null, field: null, grew: memoryBytes() - before };
}

test('crafted vocabularies are refused by the entry they name, in wasm and rnnp, within a small multiple of the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rnnp-crafted-'));
  const entries = [
    ['X'.repeat(MB), 'tooLong'],
    ['X'.repeat(12 * MB), 'tooLong'],
    [`x${'\u0301'.repeat(100_000)}`, 'tooLong'],
    ['', 'empty'],
    ['ab', 'tooLong'],
    ['眠', 'conflict', 'vocabulary[4]'], // 眠 is entry 4 already: that entry is named
  ];
  for (const [entry, kind, field = 'vocabulary[0]'] of entries) {
    const file = modelFile();
    file.vocabulary[0] = entry;
    const text = JSON.stringify(file);
    const desk = new engine.WritingDesk();
    const r = refusal(() => desk.useModel(text));
    desk.free();
    const what = `${kind}, an entry of ${entry.length} units`;
    assert.equal(r.kind, kind, what);
    assert.equal(r.field, field, what);
    assert.ok(r.grew <= 4 * text.length + 16 * MB, `${what}: wasm memory grew ${(r.grew / MB).toFixed(1)} MB for a ${(text.length / MB).toFixed(1)} MB file`);
    const path = join(dir, 'model.json');
    writeFileSync(path, text);
    // The binary itself and its libraries take about 40 MB of address space.
    const cap = 64 + Math.ceil((6 * text.length) / MB);
    const out = rnnpWithin(cap, ['write', '--model', path, '--length', '10000']);
    assert.notEqual(out.status, 0, what);
    assert.match(out.stderr, /vocabulary\[\d\]/, `${what} within ${cap} MB: ${out.stderr.slice(0, 300)}`);
  }
});

test('a file of 60 MB of junk numbers is refused before it is parsed, in every reader', () => {
  const junk = `[${'0,'.repeat(30_000_000)}0]`;
  const sentence = refusal(() => engine.Playground.fromModelFile(junk, {}));
  const desk = new engine.WritingDesk();
  const writing = refusal(() => desk.useModel(junk));
  desk.free();
  for (const [reader, r] of [['sentence', sentence], ['write', writing]]) {
    assert.equal(r.kind, 'tooLong', reader);
    assert.equal(r.field, 'file', reader);
    assert.ok(r.grew <= 2 * junk.length + 16 * MB, `${reader}: wasm memory grew ${(r.grew / MB).toFixed(1)} MB for a 60 MB file`);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'rnnp-junk-')), 'junk.json');
  writeFileSync(path, junk);
  for (const args of [['write', '--model', path], ['train', 'sentence', '--epochs', '1', '--init', path]]) {
    const out = rnnpWithin(200, args);
    assert.notEqual(out.status, 0, args.join(' '));
    assert.match(out.stderr, /30000002 values; at most/, `${args[0]} within 200 MB: ${out.stderr.slice(0, 300)}`);
  }
});

test('a corpus with an oversized character is refused by name; what a model writes is bounded in characters and bytes', () => {
  const zalgo = `${verse}x${'\u0301'.repeat(100_000)}`;
  const r = refusal(() => new engine.TextTrainer(zalgo, small));
  assert.deepEqual([r.kind, r.field], ['tooLong', 'character']);
  assert.throws(() => engine.textFacts(zalgo), (e) => e.detail.kind === 'tooLong' && e.detail.field === 'character' && e.detail.unit === 'bytes');
  // The largest characters allowed (64 bytes), as many as a sample may write.
  const big = Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(97 + i)}${'\u0301'.repeat(31)}`);
  const text = Array.from({ length: 400 }, (_, i) => big[i % 8]).join('');
  assert.deepEqual(engine.textFacts(text), { chars: 400, vocabulary: 8, start: big[0] });
  const trainer = new engine.TextTrainer(text, small);
  const out = trainer.sample(big[0], 10_000, 1, 1);
  assert.ok(new TextEncoder().encode(out).length <= 10_000 * 64, `${out.length} UTF-16 units`);
  assert.throws(() => trainer.sample(big[0], 10_001, 1, 1), (e) => e.detail.kind === 'outOfRange' && e.detail.field === 'length');
  assert.throws(() => new engine.TextTrainer(verse, { ...small, seed: 2 ** 31 }), (e) => e.detail.field === 'seed');
  trainer.free();
});
