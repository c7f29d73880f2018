// The gradient lab: the radius slider, the three cells, the spectrum, training under
// explosion, the memory comparison.
import { test, expect } from '@playwright/test';
import { openPage, inkPixels, canvasHash, fullShot } from './helpers.js';
import { mkdirSync } from 'node:fs';

async function openLab(page, query = '') {
  const problems = await openPage(page, query);
  await page.getByTestId('view-gradients').click();
  await expect(page.getByTestId('chart-flow')).toBeVisible();
  await expect(page.getByTestId('flow-numbers')).not.toBeEmpty();
  // Its parts below the first screen are laid out two frames after it opens.
  await expect(page.locator('#view-gradients')).toHaveAttribute('data-state', 'ready');
  return problems;
}

/** Sets a range input and fires the input event, as dragging does. */
async function setSlider(page, testid, value) {
  await page.getByTestId(testid).evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

async function lastToFirst(page) {
  return Number(await page.getByTestId('flow-numbers').getAttribute('data-last-to-first'));
}

test('the radius slider redraws the flow chart; vanishing at 0.5, exploding at 1.5', async ({ page }) => {
  const problems = await openLab(page, '?seqLen=50');
  await setSlider(page, 'radius', 1.5);
  await expect(page.getByTestId('spectrum-numbers')).toHaveAttribute('data-rho', /^1\.5/);
  const atHigh = await lastToFirst(page);
  const before = await canvasHash(page, 'chart-flow');
  await setSlider(page, 'radius', 0.5);
  await expect(page.getByTestId('spectrum-numbers')).toHaveAttribute('data-rho', /^0\.5/);
  const atLow = await lastToFirst(page);
  expect(await canvasHash(page, 'chart-flow')).not.toBe(before);
  expect(atHigh).toBeGreaterThan(1);
  expect(atLow).toBeLessThan(1);
  expect(atLow).toBeLessThan(1e-6 * atHigh);
  await expect(page).toHaveURL(/radius=0\.5/);
  expect(problems).toEqual([]);
});

test('with the fixed axis (the lab’s default), ρ 0.5 and ρ 0.9 draw different slopes, not one diagonal', async ({ page }) => {
  const problems = await openLab(page, '?seqLen=50&gact=linear');
  await expect(page.getByTestId('fixed-axis')).toBeChecked();
  await setSlider(page, 'radius', 0.5);
  await expect(page.getByTestId('spectrum-numbers')).toHaveAttribute('data-rho', /^0\.5/);
  const half = await canvasHash(page, 'chart-flow');
  await setSlider(page, 'radius', 0.9);
  await expect(page.getByTestId('spectrum-numbers')).toHaveAttribute('data-rho', /^0\.(9|89999)/);
  const most = await canvasHash(page, 'chart-flow');
  expect(most).not.toBe(half);
  // The same two on the auto-scaled axis: the line fills the chart either way, and only the
  // tick labels differ; on the fixed axis the line itself sits elsewhere.
  const inkRows = async () =>
    (await page.getByTestId('chart-flow')).evaluate((c) => {
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      // The rows where the measured line (Okabe–Ito blue, 0,114,178) has pixels.
      const rows = new Set();
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]) < 30 && Math.abs(data[i + 1] - 114) < 30 && Math.abs(data[i + 2] - 178) < 30) rows.add(Math.floor(i / 4 / c.width));
      return rows.size;
    });
  const spanAt09 = await inkRows();
  await setSlider(page, 'radius', 0.5);
  await expect(page.getByTestId('spectrum-numbers')).toHaveAttribute('data-rho', /^0\.5/);
  await canvasHash(page, 'chart-flow');
  const spanAt05 = await inkRows();
  // 0.5⁴⁹ spans 15 decades, 0.9⁴⁹ about 2: on one fixed axis the first line is far taller.
  expect(spanAt05).toBeGreaterThan(3 * spanAt09);
  expect(problems).toEqual([]);
});

test('the three cells and the spectrum are drawn, with ρ and σ_max on the page', async ({ page }) => {
  // winit is ginit's old name, as links handed out still have it.
  const problems = await openLab(page, '?winit=gaussian&radius=0.9');
  // (A chart scrolled to is drawn in the next frames: on a busy machine, a few more.)
  await expect.poll(() => inkPixels(page, 'chart-cells')).toBeGreaterThan(2000);
  await expect.poll(() => inkPixels(page, 'chart-spectrum')).toBeGreaterThan(2000);
  const rho = Number(await page.getByTestId('spectrum-numbers').getAttribute('data-rho'));
  const sigma = Number(await page.getByTestId('spectrum-numbers').getAttribute('data-sigma'));
  expect(Math.abs(rho - 0.9)).toBeLessThan(1e-4);
  expect(sigma).toBeGreaterThan(rho);
  await expect(page.getByTestId('cells-numbers').locator('li')).toHaveCount(3);
  const cells = await canvasHash(page, 'chart-cells');
  await page.getByTestId('forget-bias').selectOption('5');
  await expect.poll(() => canvasHash(page, 'chart-cells')).not.toBe(cells);
  expect(problems).toEqual([]);
});

test('training under explosion: stops with a message unclipped, trains clipped', async ({ page }) => {
  const problems = await openLab(page, '?gact=relu&radius=2&taskLen=10');
  await page.getByTestId('clip-mode').selectOption('none');
  await page.getByTestId('train-grad').click();
  await expect(page.getByTestId('train-grad-status')).toContainText(/NaN|inf|溢出|exploded/, { timeout: 30_000 });
  await page.getByTestId('clip-mode').selectOption('norm');
  await page.getByTestId('clip').fill('1');
  await page.getByTestId('clip').dispatchEvent('change');
  await page.getByTestId('train-grad').click();
  await expect(page.getByTestId('train-grad-status')).toContainText('300/300', { timeout: 60_000 });
  await expect(page.getByTestId('train-grad-status')).not.toContainText(/NaN/);
  // It learned: the last updates' loss is far below ln 4 (guessing one of 4 symbols).
  const records = await page.evaluate(() => window.__rnnp.views.gradients.debug.explode().records);
  const tail = records.slice(-20);
  const loss = tail.reduce((s, r) => s + r.loss, 0) / tail.length;
  const accuracy = tail.reduce((s, r) => s + r.accuracy, 0) / tail.length;
  expect(loss).toBeLessThan(0.1 * Math.log(4));
  expect(accuracy).toBeGreaterThan(0.9);
  expect(records.some((r) => r.clipped)).toBe(true);
  expect(await inkPixels(page, 'chart-train-grad')).toBeGreaterThan(2000);
  mkdirSync('test-results/screenshots', { recursive: true });
  await fullShot(page, 'test-results/screenshots/gradients-en.png');
  await page.getByTestId('lang').click();
  await expect(page.getByTestId('train-grad')).toHaveText('开始训练');
  await fullShot(page, 'test-results/screenshots/gradients-zh.png');
  expect(problems).toEqual([]);
});

test('the memory comparison runs in slices and reports accuracies', async ({ page }) => {
  const problems = await openLab(page);
  await page.getByTestId('race').click();
  await expect(page.getByTestId('race-results').locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
  // The page stays responsive while it runs: the language switch answers.
  await page.getByTestId('lang').click();
  await expect(page.getByTestId('race')).toHaveText('停止');
  await page.getByTestId('race').click();
  expect(problems).toEqual([]);
});

test('with ρ = 0.1 the average factor per step is 0.1, over the steps float32 still holds, not a 0 from the underflow', async ({ page }) => {
  const problems = await openLab(page, '?radius=0.1');
  const numbers = page.getByTestId('flow-numbers');
  await expect(numbers).toContainText('average factor per step 0.1000 over the last');
  await expect(numbers).toContainText('below the smallest normal float32');
  await page.getByTestId('lang').click();
  await expect(numbers).toContainText('最后');
  expect(problems).toEqual([]);
});

test('with ρ = 2.5 the average is over the steps before the overflow, and with the forward pass overflowed there is none to take', async ({ page }) => {
  const problems = await openLab(page, '?radius=2.5&seqLen=60&lang=en');
  const numbers = page.getByTestId('flow-numbers');
  await expect(numbers).toContainText(/average factor per step 2\.\d+ over the last \d+ steps/);
  await expect(numbers).toContainText('overflowed float32');
  const steps = Number((await numbers.textContent()).match(/over the last (\d+) steps/)[1]);
  expect(steps).toBeGreaterThan(20);
  // The sliders at their ends: 200 steps, ρ = 2.5 (the forward pass overflows too).
  await setSlider(page, 'seq-len', 200);
  await expect(numbers).toContainText('no factor per step to average');
  await expect(numbers).not.toContainText('over the last 0 steps');
  expect(problems).toEqual([]);
});
