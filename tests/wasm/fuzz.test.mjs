// Seeded mutations of the parity fixtures through the WebAssembly build and the
// `rnnp` binary: no trap, and both give the same outcome (the same trace, or the same
// error message); and the 3000 mutations of tests/fuzz.rs (the native readers) through the
// WebAssembly build, with the outcomes the native test recorded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import engine, { readJson } from './load.mjs';
import { rnnp } from './cli.mjs';

const CASES = 150;

/** xorshift: the same mutations on every run. */
function prng(seed) {
  let s = BigInt(seed) || 1n;
  return (n) => {
    s ^= (s << 13n) & 0xffffffffffffffffn;
    s ^= s >> 7n;
    s ^= (s << 17n) & 0xffffffffffffffffn;
    return Number(s % BigInt(n));
  };
}

function paths(v, here = [], out = []) {
  out.push(here);
  if (Array.isArray(v)) v.slice(0, 3).forEach((x, i) => paths(x, [...here, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...here, k], out);
  return out;
}

const REPLACEMENTS = [4294967300, 4294967298, -1, 0, 2.5, 1e308, -1e308, 'NaN', null, true, 'lstm', [], {}, 100000, 4096];

function mutate(v, below) {
  const all = paths(v);
  const path = all[below(all.length)];
  if (path.length === 0) return REPLACEMENTS[below(REPLACEMENTS.length)];
  const parent = path.slice(0, -1).reduce((o, k) => o[k], v);
  const key = path[path.length - 1];
  switch (below(3)) {
    case 0:
      if (Array.isArray(parent[key])) parent[key] = parent[key].slice(0, parent[key].length >> 1);
      else parent[key] = REPLACEMENTS[below(REPLACEMENTS.length)];
      break;
    case 1:
      if (!Array.isArray(parent)) delete parent[key];
      else parent[key] = REPLACEMENTS[below(REPLACEMENTS.length)];
      break;
    default:
      parent[key] = REPLACEMENTS[below(REPLACEMENTS.length)];
  }
  return v;
}

test('the WebAssembly build and the command line agree on mutated inputs, and neither traps', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rnnp-fuzz-'));
  const files = readdirSync('tests/fixtures/parity').filter((f) => f.endsWith('.json')).sort();
  const below = prng(17);
  let agreedOk = 0;
  let agreedErr = 0;
  for (let i = 0; i < CASES; i++) {
    const fx = readJson(`tests/fixtures/parity/${files[i % files.length]}`);
    let model = fx.model;
    let request = fx.request;
    if (below(2) === 0) model = mutate(model, below);
    else request = mutate(request, below);
    let modelText = JSON.stringify(model);
    if (below(10) === 0) modelText = `\ufeff${modelText}`;
    const requestText = JSON.stringify(request);
    writeFileSync(join(dir, 'm.json'), modelText);
    writeFileSync(join(dir, 'r.json'), requestText);
    let wasm;
    try {
      wasm = { ok: engine.traceJson(modelText, requestText) };
    } catch (e) {
      assert.equal(e.name, 'RnnError', `case ${i} trapped: ${e}`);
      wasm = { err: e.detail };
    }
    const cli = rnnp(['trace', '--json-errors', '--model', join(dir, 'm.json'), '--input', join(dir, 'r.json')]);
    if (wasm.ok) {
      assert.ok(cli.status === 0 || cli.status === 3, `case ${i}: ${cli.stderr}`);
      assert.equal(cli.stdout.trim(), wasm.ok.json, `case ${i}`);
      agreedOk++;
    } else {
      assert.equal(cli.status, 1, `case ${i}: wasm refused (${JSON.stringify(wasm.err)}) but the CLI said ${cli.stdout}`);
      // The same error, kind and fields, from both.
      assert.deepEqual(JSON.parse(cli.stderr.trim()).error, wasm.err, `case ${i}`);
      agreedErr++;
    }
  }
  rmSync(dir, { recursive: true });
  assert.ok(agreedOk > 10 && agreedErr > 10, `${agreedOk} accepted, ${agreedErr} refused`);
});

test('the native fuzz test\'s 3000 mutated inputs give the same outcome through WebAssembly, to the byte', async () => {
  const { existsSync, readFileSync, statSync } = await import('node:fs');
  const { execFileSync } = await import('node:child_process');
  const file = 'target/fuzz/cases.jsonl';
  // Written by tests/fuzz.rs (npm test runs it first); run again here when it is missing or
  // older than the engine under test.
  const stale = !existsSync(file) || statSync(file).mtimeMs < statSync('www/pkg/rnn_playground_bg.wasm').mtimeMs;
  if (stale) execFileSync('cargo', ['test', '--quiet', '--test', 'fuzz'], { stdio: 'inherit' });
  const cases = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(cases.length, 3000);
  let same = 0;
  for (const [i, c] of cases.entries()) {
    let outcome;
    try {
      outcome = { trace: engine.traceJson(c.model, c.request).json };
    } catch (e) {
      assert.equal(e.name, 'RnnError', `case ${i} trapped: ${e}`);
      outcome = { error: e.detail };
    }
    assert.deepEqual(outcome, c.outcome, `case ${i}`);
    same++;
  }
  assert.equal(same, 3000);
});
