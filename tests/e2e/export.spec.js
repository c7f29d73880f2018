// Charts out: every chart's menu gives a PNG at twice the screen's resolution, an
// SVG (vector, drawn by the engine's plotters code; tests/wasm/export.test.mjs checks it is
// `rnnp plot`'s document) and the CSV of its data table, with names that say what they hold.
import { test, expect } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import katex from 'katex';
import { openPage, seeChart } from './helpers.js';

const CHARTS = {
  sentence: ['hidden', 'units', 'loss', 'grad'],
  gradients: ['flow', 'cells', 'spectrum', 'jacobians', 'train-grad', 'race'],
  series: ['series-loss', 'predict'],
};

/** Chooses `format` in chart `id`'s export menu and returns the download. */
async function exportAs(page, id, format) {
  await page.getByTestId(`export-${id}`).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${id}-${format}`).click()]);
  return { name: download.suggestedFilename(), path: await download.path() };
}

/** Width and height of a PNG file, from its header. */
function pngSize(path) {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString()).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

for (const [view, ids] of Object.entries(CHARTS)) {
  test(`every chart of the ${view} view exports PNG, SVG and CSV`, async ({ page }) => {
    test.setTimeout(120_000);
    const problems = await openPage(page, `?view=${view}&lang=en${view === 'sentence' ? '&cell=lstm&pos=3' : ''}`);
    await expect(page.locator(`#view-${view}`)).toHaveAttribute('data-state', 'ready');
    for (const id of ids) {
      const canvas = await seeChart(page, `chart-${id}`);
      const css = await canvas.evaluate((c) => [c.clientWidth, c.clientHeight]);
      const png = await exportAs(page, id, 'png');
      expect(png.name).toMatch(/^[a-z0-9.-]+(_[a-z0-9.-]+)*\.png$/);
      const [w, h] = pngSize(png.path);
      expect([w, h]).toEqual([css[0] * 2, css[1] * 2]);
      expect(readFileSync(png.path).length).toBeGreaterThan(3000);
      const svg = await exportAs(page, id, 'svg');
      expect(svg.name).toBe(png.name.replace(/\.png$/, '.svg'));
      const text = readFileSync(svg.path, 'utf8');
      // A well-formed SVG document with the chart's words in it.
      const parsed = await page.evaluate((s) => {
        const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
        return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, texts: doc.querySelectorAll('text').length, width: doc.documentElement.getAttribute('width') };
      }, text);
      expect(parsed).toMatchObject({ root: 'svg', error: false, width: String(css[0]) });
      expect(parsed.texts).toBeGreaterThan(0);
      const csv = await exportAs(page, id, 'csv');
      expect(csv.name).toBe(png.name.replace(/\.png$/, '.csv'));
      const lines = readFileSync(csv.path, 'utf8').trimEnd().split('\n');
      const table = await page.evaluate((id) => {
        const box = document.querySelector(`[data-testid="chart-${id}"]`).closest('figure');
        const toggle = box.querySelector('[data-testid$="-table-toggle"]');
        if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
        return { rows: box.querySelectorAll('.data-table tbody tr').length, columns: [...box.querySelectorAll('.data-table thead th')].map((th) => th.textContent) };
      }, id);
      // A header row naming the table's columns, then one line per row of the table.
      expect(lines.length).toBe(table.rows + 1);
      expect(lines[0]).toBe(table.columns.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
    }
    expect(problems).toEqual([]);
  });
}

test('file names say what they hold: the chart, the cell, the seed and the moment', async ({ page }) => {
  const problems = await openPage(page, '?lang=zh&cell=lstm&seed=7&pos=3');
  await seeChart(page, 'chart-hidden');
  const { name } = await exportAs(page, 'hidden', 'svg');
  expect(name).toBe('hidden-state_lstm_seed7_t3.svg');
  expect(problems).toEqual([]);
});

test('Download model gives the model file of the network on screen; Copy as Keras code gives its program', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = await openPage(page, '?lang=en&cell=lstm&units=6&clip=value&clipAt=0.5');
  await page.getByTestId('epochs').fill('40');
  await page.getByTestId('epochs').press('Enter');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train-status')).toContainText('Trained');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-model').click()]);
  expect(download.suggestedFilename()).toBe('model_lstm_units6_seed42_trained40.json');
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(file).toMatchObject({ format: 'rnn-playground/model@1', cell: 'lstm', units: 6, input_size: 5, output_size: 5, tokenize: 'words', tokens: ['我', '爱', '北京', '天安门'] });
  expect(file.vocabulary).toHaveLength(5);
  // The file's weights are the network's on screen.
  expect(file.weights.kernel.flat().length).toBe(5 * 6 * 4);
  const same = await page.evaluate((w) => JSON.stringify(JSON.parse(window.__rnnp.views.sentence.debug.playground().modelJson()).weights) === JSON.stringify(w), file.weights);
  expect(same).toBe(true);
  // The snippets that load it, when their box is opened.
  await page.locator('[data-role="model-code"] summary').click();
  await expect(page.getByTestId('code-python')).toContainText("tf.keras.layers.LSTM(m['units']");
  await expect(page.getByTestId('code-python')).toContainText('model_lstm_units6_seed42_trained40.json');
  await expect(page.getByTestId('code-tfjs')).toContainText("recurrentActivation: 'sigmoid'");
  await page.getByTestId('copy-keras').click();
  await expect(page.getByTestId('notice')).toContainText('Keras program copied');
  const keras = await page.evaluate(() => navigator.clipboard.readText());
  expect(keras).toContain('tf.keras.layers.LSTM(6, return_sequences=True');
  expect(keras).toContain('clipvalue=0.5');
  expect(keras).toContain('epochs=40');
  expect(problems).toEqual([]);
});

/** The prediction panel's numbers: what "the network on screen" answers. */
const predictions = (page) => page.getByTestId('prediction').textContent();

test('Open model: a downloaded file brings its network back; a file that does not fit is refused by name, and the network stays', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await openPage(page, '?lang=en&cell=lstm&units=6');
  await page.getByTestId('epochs').fill('60');
  await page.getByTestId('epochs').press('Enter');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train-status')).toContainText('Trained');
  for (let i = 0; i < 2; i++) await page.getByTestId('step').click();
  const trainedAnswer = await predictions(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-model').click()]);
  const file = readFileSync(await download.path(), 'utf8');

  // Another page, another network: the file brings the LSTM and its weights back.
  await openPage(page, '?lang=en');
  await expect(page.getByTestId('cell')).toHaveValue('simple_rnn');
  await page.getByTestId('model-file').setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('notice')).toContainText('Opened mine.json');
  await expect(page.getByTestId('cell')).toHaveValue('lstm');
  await expect(page.getByTestId('units')).toHaveValue('6');
  for (let i = 0; i < 2; i++) await page.getByTestId('step').click();
  expect(await predictions(page)).toBe(trainedAnswer);

  // Files that do not fit: each refused with what is wrong, and the network unchanged.
  const before = await predictions(page);
  const m = JSON.parse(file);
  const nan = file.replace(/(\"kernel\": \[\s*\[\s*)-?[\d.e-]+/, '$1NaN');
  const shapes = JSON.stringify({ ...m, weights: { ...m.weights, recurrent_kernel: [[0.1]] } });
  const vocab = JSON.stringify({ ...m, vocabulary: ['a', 'b', 'c', 'd', '<end>'] });
  const plainList = JSON.stringify([m.weights.kernel, m.weights.bias]);
  for (const [name, text, says] of [
    ['notes.txt', 'these are my notes', 'JSON'],
    ['nan.json', nan, 'kernel'],
    ['shapes.json', shapes, 'recurrent_kernel'],
    ['vocab.json', vocab, 'vocabulary'],
    ['list.json', plainList, 'weights'],
  ]) {
    await page.getByTestId('model-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('notice')).toContainText(`Did not open ${name}`);
    await expect(page.getByTestId('notice')).toContainText(says);
    await expect(page.getByTestId('notice')).toContainText('unchanged');
    expect(await predictions(page)).toBe(before);
  }
  // 70 MB (a file on disk: the browser reads only its size before refusing it).
  const big = 'test-results/big.json';
  mkdirSync('test-results', { recursive: true });
  writeFileSync(big, Buffer.alloc(70 * 1024 * 1024, 32));
  await page.getByTestId('model-file').setInputFiles(big);
  await expect(page.getByTestId('notice')).toContainText('70.0 MB, more than the limit of 64.0 MB');
  expect(await predictions(page)).toBe(before);
  await expect(page.getByTestId('cell')).toHaveValue('lstm');
  expect(problems).toEqual([]);
});

test('a model file dropped on the page opens as Open model does', async ({ page }) => {
  const problems = await openPage(page, '?lang=zh&cell=gru&units=5');
  const file = await page.evaluate(() => window.__rnnp.views.sentence.debug.playground().modelFile());
  await openPage(page, '?lang=zh');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, file);
  await expect(page.getByTestId('notice')).toContainText('已打开 dropped.json');
  await expect(page.getByTestId('cell')).toHaveValue('gru');
  await expect(page.getByTestId('units')).toHaveValue('5');
  expect(problems).toEqual([]);
});

test('the formula panel copies this step as rows of numbers and as LaTeX', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = await openPage(page, '?lang=en&cell=lstm&units=4');
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  await page.getByTestId('copy-step-text').click();
  await expect(page.getByTestId('notice')).toContainText('Copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const rec = await page.evaluate(() => window.__rnnp.views.sentence.debug.playground().current());
  const lines = text.split('\n');
  expect(lines[0]).toContain('step t = 2, token "爱"; lstm, 4 units');
  const row = (name) => lines.find((l) => l.startsWith(`${name} `)).trim().split(/\s+/).slice(1).map(Number);
  // Every number as the engine has it (float32, read back exactly).
  expect(row('h_t').map((v) => Math.fround(v))).toEqual(rec.h.map((v) => Math.fround(v)));
  expect(row('x_t')).toEqual([0, 1, 0, 0, 0]);
  expect(row('c_t')).toHaveLength(4);
  expect(row('p_t').reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  await page.getByTestId('copy-step-latex').click();
  const latex = await page.evaluate(() => navigator.clipboard.readText());
  expect(latex).toContain('\\begin{aligned}');
  expect(latex).toContain('h_{2} &= \\begin{bmatrix}');
  expect(latex).toContain('p_{2} = \\operatorname{softmax}(y_{2})');
  expect(latex.match(/\\begin\{bmatrix\}/g).length).toBe(lines.length - 1);
  // It typesets (KaTeX, strict: an error throws), the comment line aside.
  expect(katex.renderToString(latex.split('\n').slice(1).join('\n'), { throwOnError: true, displayMode: true })).toContain('katex');
  expect(problems).toEqual([]);
});
