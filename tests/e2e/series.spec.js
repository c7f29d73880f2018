// The sine-series view: the seed's Keras example trained in the page.
import { test, expect } from '@playwright/test';
import { openPage, inkPixels, fullShot } from './helpers.js';
import { mkdirSync } from 'node:fs';

test('Train runs 20 epochs: 20 loss points, a prediction chart, far below the mean baseline', async ({ page }) => {
  const problems = await openPage(page, '?lang=en');
  await page.getByTestId('view-series').click();
  await expect(page.getByTestId('code-keras')).toContainText('SimpleRNN(50, return_sequences=True');
  await expect(page.getByTestId('code-ours')).toContainText('Layer::simple_rnn(50)');
  const emptyPredict = await inkPixels(page, 'chart-predict');
  await page.getByTestId('train-series').click();
  await expect(page.getByTestId('series-status')).toContainText('Trained', { timeout: 120_000 });
  await expect(page.getByTestId('series-progress')).toHaveJSProperty('value', 1);
  // The loss chart's data table has one row per epoch.
  await page.getByTestId('chart-series-loss-table-toggle').click();
  const rows = page.locator('[data-testid="chart-series-loss"] ~ .data-table tbody tr, figure:has([data-testid="chart-series-loss"]) .data-table tbody tr');
  await expect(rows).toHaveCount(20);
  // Epochs are whole numbers, printed as such (not 1.000 … 10.00); the losses keep their digits.
  const epochs = await rows.locator('td:first-child').allTextContents();
  expect(epochs).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 1)));
  expect(await rows.first().locator('td').nth(1).textContent()).toMatch(/^\d\.\d{3}|^\d\.\d+e/);
  expect(await inkPixels(page, 'chart-predict')).toBeGreaterThan(emptyPredict + 2000);
  const status = await page.getByTestId('series-status').textContent();
  const [loss, test, baseline] = status.match(/\d+(\.\d+)?(e-?\d+)?/g).map(Number);
  expect(loss).toBeLessThan(baseline / 20);
  expect(test).toBeLessThan(baseline / 20);
  mkdirSync('test-results/screenshots', { recursive: true });
  await fullShot(page, 'test-results/screenshots/series-en.png');
  expect(problems).toEqual([]);
});
