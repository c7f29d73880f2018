// Training runs in a Web Worker with its own engine. The same seed gives the
// same weights there, on the page, and natively (the pinned fixture that tests/determinism.rs
// checks), and the page answers clicks while the worker trains.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { inkPixels, openPage } from './helpers.js';
import { wasmCompiles } from '../../scripts/wasm-compiles.mjs';

const PINNED = readFileSync(new URL('../fixtures/determinism/sentence-lstm-seed7-40-epochs.json', import.meta.url), 'utf8');

test('the worker trains to the same bits as the page and the native build', async ({ page }) => {
  const problems = await openPage(page, '?lang=en');
  const out = await page.evaluate(async () => {
    const { wasm, jobs, runOnPage } = window.__rnnp;
    const config = { cell: 'lstm', seed: 7, units: 6 };
    const payload = { config, from: 0, epochs: 40 };
    const inWorker = await jobs.run('sentenceTrain', payload).done;
    const onPage = await runOnPage('sentenceTrain', payload).done;
    const model = (r) => {
      const pg = new wasm.Playground(config);
      pg.adopt(r.result.params, r.result.losses);
      const json = pg.modelJson();
      pg.free();
      return json;
    };
    return {
      where: jobs.where(),
      params: [Array.from(inWorker.result.params), Array.from(onPage.result.params)],
      losses: [Array.from(inWorker.result.losses), Array.from(onPage.result.losses)],
      models: [model(inWorker), model(onPage)],
    };
  });
  expect(out.where).toBe('worker');
  expect(out.params[0].length).toBeGreaterThan(100);
  // Bit for bit: Float32 values compared exactly, then the model files as text.
  expect(out.params[0]).toEqual(out.params[1]);
  expect(out.losses[0]).toEqual(out.losses[1]);
  expect(out.models[0]).toBe(PINNED);
  expect(out.models[1]).toBe(PINNED);
  expect(problems).toEqual([]);
});

test('the lab and the series view give the same numbers in the worker as on the page', async ({ page }) => {
  const problems = await openPage(page, '?lang=en');
  const out = await page.evaluate(async () => {
    const { jobs, runOnPage } = window.__rnnp;
    const both = async (name, payload) => Promise.all([jobs.run(name, payload).done, runOnPage(name, payload).done]);
    const explode = await both('explode', { lab: { cell: 'simple_rnn', seqLen: 30, radius: 1.4, seed: 3 }, explode: { updates: 40, clip: 'norm' } });
    const series = await both('seriesTrain', { config: { epochs: 3, seed: 5 } });
    return {
      explode: explode.map((r) => JSON.stringify(r.result.records)),
      series: series.map((r) => Array.from(r.result.params)),
      history: series.map((r) => r.result.progress.history),
    };
  });
  expect(JSON.parse(out.explode[0]).length).toBe(40);
  expect(out.explode[0]).toBe(out.explode[1]);
  expect(out.series[0].length).toBeGreaterThan(10);
  expect(out.series[0]).toEqual(out.series[1]);
  expect(out.history[0]).toEqual(out.history[1]);
  expect(problems).toEqual([]);
});

test('a click during training is answered, and Stop keeps what was trained', async ({ page }) => {
  // A network big enough to train for a while: a long sentence, an LSTM of 64 units, 5000 epochs.
  const text = encodeURIComponent('the quick brown fox jumps over the lazy dog and runs far into the deep green woods where nobody can see it any more at all');
  const problems = await openPage(page, `?lang=en&tokenize=words&text=${text}&cell=lstm&units=64&epochs=5000`);
  // A ticker every 10 ms: the longest gap between its ticks is the longest time the page
  // could not answer a click while it trained.
  await page.evaluate(() => {
    const g = (window.__gaps = { last: performance.now(), max: 0 });
    g.timer = setInterval(() => {
      const now = performance.now();
      g.max = Math.max(g.max, now - g.last);
      g.last = now;
    }, 10);
  });
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train')).toHaveText(/Stop/);
  // The page answers while the worker trains: another view opens at once (its tab is
  // current and its place is in the page in the same task; its charts follow with its
  // file) and comes back, a click on Step moves the stepper.
  const answered = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector('[data-testid="view-gradients"]').click();
    const shown = document.querySelector('[data-testid="view-gradients"]').getAttribute('aria-current') === 'page' && document.getElementById('view-gradients').isConnected;
    await new Promise(requestAnimationFrame);
    return { shown, ms: performance.now() - t0 };
  });
  expect(answered.shown).toBe(true);
  await expect(page.getByTestId('chart-flow')).toBeVisible();
  await page.getByTestId('view-sentence').click();
  await expect(page.getByTestId('train')).toHaveText(/Stop/);
  const before = await page.evaluate(() => window.__rnnp.views.sentence.debug.playground().position().forward);
  await page.getByTestId('step').click();
  await expect.poll(() => page.evaluate(() => window.__rnnp.views.sentence.debug.playground().position().forward)).toBe(before + 1);
  // Stop: the epochs trained so far are kept (the URL counts them).
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train')).toHaveText(/Train/);
  await expect(page.getByTestId('train-status')).toContainText('weights trained so far are kept');
  const gap = await page.evaluate(() => (clearInterval(window.__gaps.timer), window.__gaps.max));
  // Generous, for a loaded machine: a page that trained on its own thread would stall for
  // seconds (the benchmark measures the real figure, the longest task).
  expect(gap).toBeLessThan(1000);
  expect(answered.ms).toBeLessThan(1000);
  const trained = await page.evaluate(() => window.__rnnp.store.get().trained);
  expect(trained).toBeGreaterThan(0);
  expect(trained).toBeLessThan(5000);
  expect(problems).toEqual([]);
});

test.describe('one engine module per view', () => {
  // The service worker would fetch every module ahead (for offline use) and blur the count.
  test.use({ serviceWorkers: 'block' });

  test('a link to the lab fetches the lab’s module only; the sentence view fetches its own when opened, steps, and trains in the same worker', async ({ page }) => {
    const modules = [];
    page.on('request', (r) => r.url().endsWith('.wasm') && modules.push(r.url()));
    const problems = await openPage(page, '?view=gradients&lang=en');
    await expect(page.locator('#view-gradients')).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('chart-flow')).toBeVisible();
    expect(modules.length).toBe(1);
    await page.getByTestId('view-sentence').click();
    await expect(page.locator('#view-sentence')).toHaveAttribute('data-state', 'ready');
    expect(new Set(modules).size).toBe(2);
    await page.getByTestId('step').click();
    await expect(page.getByTestId('token-0')).toHaveAttribute('aria-current', 'step');
    await page.getByTestId('train').click();
    await expect(page.getByTestId('train-status')).toContainText('Trained', { timeout: 60_000 });
    expect(await page.evaluate(() => window.__rnnp.jobs.where())).toBe('worker');
    // Back in the lab, its run goes to the worker too, on the lab's module.
    await page.getByTestId('view-gradients').click();
    await page.getByTestId('race').click();
    await expect(page.getByTestId('race-results').locator('tbody tr').first()).toBeVisible({ timeout: 60_000 });
    await page.getByTestId('race').click();
    await expect(page.getByTestId('race')).not.toHaveText('Stop');
    expect(new Set(modules).size).toBe(2);
    expect(problems).toEqual([]);
  });
});

test.describe('the engine’s code is compiled in the worker', () => {
  test.use({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });

  // V8 compiles a WebAssembly function on its first call, on the calling thread. The worker
  // runs each view's start-up before the page builds the view (www/jobs/warm.js), on the
  // module the page compiled: the page's thread then finds most of that code compiled.
  // Counted from a trace: functions compiled lazily on the page's thread and elsewhere,
  // until the view's first chart is drawn on the page.
  const firstChart = { sentence: 'chart-hidden', gradients: 'chart-flow', series: 'chart-series-loss', write: 'chart-write-loss' };
  for (const view of ['sentence', 'gradients', 'series', 'write']) {
    test(`${view}: the page compiles few of the functions its start-up calls`, async ({ page, browser }) => {
      await browser.startTracing(page, { categories: ['v8.wasm', 'devtools.timeline'] });
      const problems = await openPage(page, `?view=${view}&lang=en`);
      await expect(page.locator(`#view-${view}`)).toHaveAttribute('data-state', 'ready');
      expect(await inkPixels(page, firstChart[view])).toBeGreaterThan(0);
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
      const { onPage, elsewhere: inWorker } = wasmCompiles(traceEvents);
      // Without the warm-up the page compiled 159-317 functions and the worker none; with
      // the charts of the warm-up drawn as SVG (not on a canvas), the page still compiled
      // 25-37 (the canvas code, in its first drawing).
      expect(inWorker).toBeGreaterThan(100);
      expect(onPage).toBeLessThan(15);
      expect(problems).toEqual([]);
    });
  }
});
