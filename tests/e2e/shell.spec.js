// The page itself: it loads clean, the engine starts, charts draw, errors show.
import { test, expect } from '@playwright/test';
import { openPage, inkPixels } from './helpers.js';

test('loads with no console errors or failed requests, from a sub-path', async ({ page }) => {
  const problems = await openPage(page);
  expect(page.url()).toContain('/rnn-playground/');
  await expect(page.getByTestId('token-strip')).toContainText('天安门');
  expect(problems).toEqual([]);
});

test('the wasm module initialises and answers', async ({ page }) => {
  const problems = await openPage(page);
  const limit = await page.evaluate(() => window.__rnnp.wasm.fileLimit());
  expect(limit).toBe(64 * 1024 * 1024);
  // What only the tests call is not in the page's module.
  expect(await page.evaluate(() => typeof window.__rnnp.wasm.traceJson)).toBe('undefined');
  const info = await page.evaluate(() => window.__rnnp.views.sentence.debug.playground().info());
  expect(info.vocabulary).toEqual(['我', '爱', '北京', '天安门', '<end>']);
  expect(problems).toEqual([]);
});

test('a chart is drawn on its canvas (non-blank pixels)', async ({ page }) => {
  const problems = await openPage(page);
  await page.getByTestId('step').click();
  const ink = await inkPixels(page, 'chart-hidden');
  expect(ink).toBeGreaterThan(2000);
  expect(problems).toEqual([]);
});

test('a panic restarts the engine: the page says so and keeps working', async ({ page }) => {
  const problems = await openPage(page);
  await page.getByTestId('step').click();
  // Through the page's own guard, as any engine call goes.
  const thrown = await page.evaluate(() => {
    try {
      window.__rnnp.debugPanic();
      return null;
    } catch (e) {
      return e.name;
    }
  });
  expect(thrown).toBe('EngineRestarted');
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect(page.getByTestId('notice')).toContainText('deliberate test panic');
  // The views rebuilt their engine objects from the settings and went back to the same
  // moment (one token read): stepping goes on from there.
  await expect(page.getByTestId('token-0')).toHaveAttribute('aria-current', 'step');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('token-1')).toHaveAttribute('aria-current', 'step');
  // The panic is logged to the console on purpose; nothing else may be.
  expect(problems.filter((p) => !/deliberate test panic|unreachable|RuntimeError/.test(p))).toEqual([]);
});

test('running out of memory (a trap with no panic message) restarts the engine and says what happened', async ({ page }) => {
  const problems = await openPage(page, '?lang=en');
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  const thrown = await page.evaluate(() => {
    try {
      window.__rnnp.debugOutOfMemory();
      return null;
    } catch (e) {
      return [e.name, e.message, window.__rnnp.wasm.lastPanic() ?? null];
    }
  });
  // No panic message: the engine aborted as a failed allocation does.
  expect(thrown).toEqual(['EngineRestarted', '', null]);
  await expect(page.getByTestId('notice')).toContainText('ran out of memory');
  await expect(page.getByTestId('notice')).not.toContainText('unreachable');
  await expect(page.getByTestId('token-1')).toHaveAttribute('aria-current', 'step');
  await page.getByTestId('step').click();
  await expect(page.getByTestId('token-2')).toHaveAttribute('aria-current', 'step');
  expect(problems.filter((p) => !/unreachable|RuntimeError/.test(p))).toEqual([]);
});
