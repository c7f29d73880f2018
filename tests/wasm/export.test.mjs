// Charts out of the page: the page's SVG export and `rnnp plot -o chart.svg` are
// the same document for the same chart, settings and size (one drawing code, one way of
// measuring text); the page's CSV has a header row and numbers that read back exactly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import engine, { readJson } from './load.mjs';
import { rnnp } from './cli.mjs';
import { csvField, tableCsv } from '../../www/ui/download.js';

/** The English texts `rnnp plot` uses (src/figures/lab.rs, `LabFigure::english`). */
function englishRequest(chart, config) {
  const cell = { simple_rnn: 'simple RNN', lstm: 'LSTM', gru: 'GRU' }[config.cell]; // CellName::name_for_people
  switch (chart) {
    case 'flow':
      return { flow: { title: `${cell}: ||dL/dh_t|| with the loss at step T = ${config.seqLen} (rho = ${config.radius})`, x: 'time step t', y: '||dL/dh_t||', measured: 'measured', reference: '||dL/dh_T|| rho^(T-t)', empty: 'no data', fixedAxis: false } };
    case 'cells':
      return { cells: { title: 'The three cells (tanh): ||dL/dh_t||', x: 'time step t', y: '||dL/dh_t||', empty: 'no data', names: ['Simple RNN', 'LSTM', 'GRU'], fixedAxis: false } };
    default:
      return { spectrum: { title: 'Eigenvalues of W_hh', eigenvalues: 'eigenvalues', unit: 'unit circle', inverseGamma: '1/gamma circle', radius: 'rho', sigma: 'sigma_max' } };
  }
}

for (const [chart, settings] of [
  ['flow', { cell: 'simple_rnn', radius: 1.5, seqLen: 50 }],
  ['flow', { cell: 'lstm', radius: 0.9, seqLen: 120 }],
  ['cells', { cell: 'simple_rnn', radius: 0.9, seqLen: 60 }],
  ['spectrum', { cell: 'gru', radius: 1.2, seqLen: 30 }],
]) {
  test(`the page's SVG of ${chart} (${JSON.stringify(settings)}) is rnnp plot's SVG`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'rnnp-svg-'));
    const out = join(dir, `${chart}.svg`);
    const r = rnnp(['plot', chart, '--cell', settings.cell, '--radius', String(settings.radius), '--seq-len', String(settings.seqLen), '--width', '720', '--height', '400', '-o', out]);
    assert.equal(r.status, 0, r.stderr);
    const lab = new engine.GradientLab(settings);
    // The three cells are measured when their chart is seen.
    if (chart === 'cells') while (!lab.measured().cells) lab.measureMore();
    const svg = lab.drawSvg(720, 400, englishRequest(chart, settings));
    lab.free();
    const cli = readFileSync(out, 'utf8');
    assert.ok(svg.startsWith('<svg') && svg.includes('</svg>'), 'an SVG document');
    assert.ok(svg.includes('<text'), 'with its labels');
    assert.equal(svg, cli);
  });
}

test('an SVG size outside 64–8192 pixels is refused with the field', () => {
  const lab = new engine.GradientLab({});
  assert.throws(() => lab.drawSvg(10, 400, englishRequest('spectrum', {})), (e) => e.detail?.kind === 'outOfRange' && e.detail.field === 'width');
  lab.free();
});

test('the page writes a text field as rnnp does: quoted when it must be, and never as a formula a spreadsheet would run', () => {
  const { fields } = readJson('tests/fixtures/csv-fields.json');
  assert.ok(fields.length >= 10);
  for (const [cell, csv] of fields) assert.equal(csvField(cell), csv, JSON.stringify(cell));
  // A negative number is a number, not a formula.
  assert.equal(csvField(-2.5), '-2.5');
});

test('the page writes CSV with a header row, quoted commas and quotes, and numbers that read back exactly', () => {
  const rows = [[1, 0.1, null], [2, 1.5e-7, 'say "hi"'], [3, 0.30000001192092896, '']];
  const csv = tableCsv({ columns: ['t', '||dL/dh_t||', 'note, if any'], rows });
  assert.equal(csv, 't,||dL/dh_t||,"note, if any"\n1,0.1,\n2,1.5e-7,"say ""hi"""\n3,0.30000001192092896,\n');
  const back = csv.trim().split('\n').slice(1).map((line) => Number(line.split(',')[1]));
  assert.deepEqual(back, rows.map((r) => r[1]));
});
