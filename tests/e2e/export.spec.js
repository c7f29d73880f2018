// Issue 13, charts out: every chart's menu gives a PNG at twice the screen's resolution, an
// SVG (vector, drawn by the engine's plotters code; tests/wasm/export.test.mjs checks it is
// `rnnp plot`'s document) and the CSV of its data table, with names that say what they hold.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
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
      const rows = await page.evaluate((id) => {
        const box = document.querySelector(`[data-testid="chart-${id}"]`).closest('figure');
        const toggle = box.querySelector('[data-testid$="-table-toggle"]');
        if (toggle.getAttribute('aria-expanded') !== 'true') toggle.click();
        return box.querySelectorAll('.data-table tbody tr').length;
      }, id);
      expect(lines.length).toBe(rows + 1);
      expect(lines[0].split(',').length).toBeGreaterThan(0);
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
