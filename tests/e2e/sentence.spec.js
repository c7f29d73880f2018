// The sentence view: stepping through 我 爱 北京 天安门, training, the URL, the languages.
import { test, expect } from '@playwright/test';
import { openPage, canvasHash, fullShot } from './helpers.js';
import { mkdirSync } from 'node:fs';

const SHOTS = 'test-results/screenshots';

test('stepping through the four tokens moves the highlight, the formula panel and the charts', async ({ page }) => {
  const problems = await openPage(page);
  const strip = page.getByTestId('token-strip');
  await expect(strip.locator('[aria-current]')).toHaveCount(0);
  let hidden = await canvasHash(page, 'chart-hidden');
  const tokens = ['我', '爱', '北京', '天安门'];
  for (let i = 0; i < 4; i++) {
    await page.getByTestId('step').click();
    await expect(page.getByTestId(`token-${i}`)).toHaveAttribute('aria-current', 'step');
    await expect(page.getByTestId('forward-panel')).toContainText(tokens[i]);
    await expect(page.getByTestId('forward-panel').getByTestId('vec-h')).toBeVisible();
    await expect(page.getByTestId('live')).toContainText(tokens[i]);
    const now = await canvasHash(page, 'chart-hidden');
    expect(now).not.toBe(hidden);
    hidden = now;
  }
  await expect(page.getByTestId('step')).toBeDisabled();
  // The prediction panel marks the true next token: after 天安门 comes the end token.
  await expect(page.getByTestId('prediction').locator('.truth')).toContainText('<end>');
  // Backward: the gradient chart appears and the panel shows the numbers.
  const grad = await canvasHash(page, 'chart-grad');
  await page.getByTestId('bptt-step').click();
  await expect(page.getByTestId('backward-panel')).toContainText('天安门');
  await expect(page.getByTestId('back-norms')).toContainText('‖∂L/∂hₜ‖');
  expect(await canvasHash(page, 'chart-grad')).not.toBe(grad);
  for (let i = 0; i < 3; i++) await page.getByTestId('bptt-step').click();
  await expect(page.getByTestId('bptt-step')).toBeDisabled();
  await expect(page.getByTestId('token-0')).toHaveAttribute('aria-current', 'step');
  expect(problems).toEqual([]);
});

test('step back and reset, with the buttons and the keyboard', async ({ page }) => {
  const problems = await openPage(page);
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('token-1')).toHaveAttribute('aria-current', 'step');
  await page.getByTestId('step-back').click();
  await expect(page.getByTestId('token-0')).toHaveAttribute('aria-current', 'step');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('step-back')).toBeDisabled();
  await page.getByTestId('step').click();
  await page.keyboard.press('r');
  await expect(page.getByTestId('token-strip').locator('[aria-current]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('training lowers the loss and teaches 我 → 爱', async ({ page }) => {
  const problems = await openPage(page);
  const readout = page.getByTestId('loss-readout');
  const before = Number((await readout.textContent()).match(/[\d.]+/)[0]);
  expect(Math.abs(before - Math.log(5))).toBeLessThan(0.15);
  const lossChart = await canvasHash(page, 'chart-loss');
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train-status')).toContainText(/Trained|训练完成/, { timeout: 60_000 });
  expect(await canvasHash(page, 'chart-loss')).not.toBe(lossChart);
  const after = Number((await readout.textContent()).match(/[\d.]+/)[0]);
  expect(after).toBeLessThan(before / 5);
  expect(await page.getByTestId('train-progress').evaluate((p) => p.value)).toBe(1);
  await page.getByTestId('step').click();
  const best = page.getByTestId('prediction').locator('.bar.best');
  await expect(best).toContainText('爱');
  const p = Number(await best.locator('.p').textContent());
  expect(p).toBeGreaterThan(0.9);
  expect(problems).toEqual([]);
});

test('the cell type comes from the URL, and the URL follows the controls', async ({ page }) => {
  const problems = await openPage(page, '?cell=lstm&units=6&seed=3');
  await expect(page.getByTestId('cell')).toHaveValue('lstm');
  await page.getByTestId('step').click();
  for (const gate of ['i', 'f', 'c', 'o']) await expect(page.getByTestId(`gate-${gate}`)).toBeVisible();
  await expect(page.getByTestId('vec-c')).toBeVisible();
  await page.getByTestId('cell').selectOption('gru');
  await expect(page).toHaveURL(/cell=gru/);
  await page.getByTestId('step').click();
  for (const gate of ['z', 'r', 'h']) await expect(page.getByTestId(`gate-${gate}`)).toBeVisible();
  expect(problems).toEqual([]);
});

test('a typed sentence with emoji rebuilds the vocabulary', async ({ page }) => {
  const problems = await openPage(page);
  await page.getByTestId('tokenize').selectOption('chars');
  await page.getByTestId('text').fill('春眠不觉晓👍🏽');
  await page.getByTestId('apply-text').click();
  // An emoji is drawn as itself where the machine has an emoji font, else by its code points.
  await expect(page.getByTestId('token-strip')).toContainText(/👍🏽|U\+1F44D U\+1F3FD/);
  await expect(page.getByTestId('token-6')).toBeVisible();
  expect(problems).toEqual([]);
});

test('switching the language, with screenshots in both', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const problems = await openPage(page, '?lang=en');
  await expect(page.getByTestId('step')).toHaveText('Step');
  // A trained network, read to the end and walked back two tokens: every panel has numbers.
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train-status')).toContainText('Trained', { timeout: 60_000 });
  for (let i = 0; i < 4; i++) await page.getByTestId('step').click();
  for (let i = 0; i < 2; i++) await page.getByTestId('bptt-step').click();
  await expect(page.getByTestId('grad-whh')).toBeVisible();
  await fullShot(page, `${SHOTS}/sentence-en.png`);
  await page.getByTestId('lang').click();
  await expect(page.getByTestId('step')).toHaveText('前进一步');
  await expect(page.getByTestId('bptt-step')).toHaveText('反向传播一步');
  await expect(page).toHaveURL(/lang=zh/);
  await fullShot(page, `${SHOTS}/sentence-zh.png`);
  expect(problems).toEqual([]);
});

test('a malformed link still loads, with defaults and a notice', async ({ page }) => {
  const problems = await openPage(page, '?cell=transformer&units=-3&lr=abc&text=&bogus=1');
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('cell');
  await expect(page.getByTestId('cell')).toHaveValue('simple_rnn');
  await expect(page.getByTestId('units')).toHaveValue('8');
  await expect(page.getByTestId('token-strip')).toContainText('北京');
  expect(problems).toEqual([]);
});

test('phone width: the columns stack and nothing overflows sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const problems = await openPage(page);
  await page.getByTestId('step').click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  mkdirSync(SHOTS, { recursive: true });
  await fullShot(page, `${SHOTS}/sentence-phone.png`);
  expect(problems).toEqual([]);
});

test('a link the engine refuses (a sentence too long) falls back to the defaults with a notice', async ({ page }) => {
  const long = encodeURIComponent('字'.repeat(80));
  const problems = await openPage(page, `?tokenize=chars&text=${long}&cell=gru`);
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText(/80/);
  await expect(page.getByTestId('token-strip')).toContainText('天安门');
  // The URL and the controls agree with the network on screen.
  await expect(page).not.toHaveURL(/text=/);
  await expect(page.getByTestId('text')).toHaveValue('我 爱 北京 天安门');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('forward-panel')).toContainText('我');
  expect(problems).toEqual([]);
});
