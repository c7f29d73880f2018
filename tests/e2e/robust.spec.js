// In the browser: the links that hung open at once, overflow is shown as overflow,
// a refused setting is put back with a notice, long work never freezes the page, and the
// page runs under its Content-Security-Policy.
import { test, expect } from '@playwright/test';
import { openPage, inkPixels } from './helpers.js';

const HUNG = [
  '?view=gradients&seqLen=150&radius=1.5',
  '?view=gradients&gact=relu&radius=2.5&seqLen=200',
  '?view=gradients&gact=tanh&radius=2&seqLen=150',
  '?view=gradients&gcell=lstm&radius=2.5&seqLen=200&forgetBias=5',
  '?view=gradients&seqLen=200&radius=1.5&fixedAxis=0',
];

for (const link of HUNG) {
  test(`a link that hung opens and draws: ${link}`, async ({ page }) => {
    // Console errors, failed requests and policy violations are recorded for both pages.
    const problems = await openPage(page);
    await expect(page.getByTestId('step')).toBeVisible();
    await page.goto(`./${link}`);
    await expect(page.getByTestId('flow-numbers')).not.toBeEmpty();
    await expect.poll(() => inkPixels(page, 'chart-flow')).toBeGreaterThan(2000);
    // (How fast is measured by the page benchmark, bench/page.mjs, not here.)
    // Overflow is said in words; no number on the page reads NaN or Infinity.
    const text = await page.locator('main').innerText();
    expect(text).not.toMatch(/\bNaN\b|Infinity/);
    expect(problems).toEqual([]);
  });
}

test('points that cannot be drawn are counted under the chart', async ({ page }) => {
  const problems = await openPage(page, '?view=gradients&seqLen=200&radius=1.5');
  await expect(page.getByTestId('chart-flow-note')).toBeVisible();
  await expect(page.getByTestId('chart-flow-note')).toContainText(/\d+ point/);
  await expect(page.getByTestId('flow-overflow')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a refused setting is put back, with a notice that says why', async ({ page }) => {
  const problems = await openPage(page, '?lang=en');
  // Units outside 1–64: the box shows the units in use again.
  await page.getByTestId('units').fill('500');
  await page.getByTestId('units').dispatchEvent('change');
  await expect(page.getByTestId('notice')).toContainText('1 to 64');
  await expect(page.getByTestId('units')).toHaveValue('8');
  // An empty sentence is not used, and says so.
  await page.getByTestId('text').fill('   ');
  await page.getByTestId('apply-text').click();
  await expect(page.getByTestId('notice')).toContainText('empty');
  await expect(page.getByTestId('text')).toHaveValue('我 爱 北京 天安门');
  // 30 words fit; as characters they do not: the select goes back to words.
  const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
  await page.getByTestId('text').fill(words);
  await page.getByTestId('apply-text').click();
  await expect(page.getByTestId('token-29')).toBeVisible();
  await page.getByTestId('tokenize').selectOption('chars');
  await expect(page.getByTestId('notice')).toContainText(/at most 64/);
  await expect(page.getByTestId('tokenize')).toHaveValue('words');
  await expect(page).not.toHaveURL(/tokenize=chars/);
  await expect(page.getByTestId('token-29')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a refused sentence stays in its box to be mended, and a pasted text too long is refused, not cut', async ({ page }) => {
  const problems = await openPage(page, '?lang=en');
  await expect(page.locator('#view-sentence .intro')).toContainText('我 爱 北京 天安门');
  await page.getByTestId('step').click();
  // 80 different words: more tokens than a sentence may have.
  const many = Array.from({ length: 80 }, (_, i) => `w${i}`).join(' ');
  await page.getByTestId('text').fill(many);
  await page.getByTestId('apply-text').click();
  await expect(page.getByTestId('notice')).toBeVisible();
  await expect(page.getByTestId('text')).toHaveValue(many);
  await expect(page.getByTestId('text')).toHaveAttribute('aria-invalid', 'true');
  // The network on screen is still the one in use.
  await expect(page.getByTestId('token-3')).toHaveText(/天安门/);
  await expect(page).not.toHaveURL(/text=/);
  // 400 characters pasted: all of them reach the box, and the notice names the limit.
  const long = 'ab '.repeat(133) + 'c';
  await page.getByTestId('notice').getByRole('button').click();
  await page.getByTestId('text').fill(long);
  await expect(page.getByTestId('text')).toHaveValue(long);
  await page.getByTestId('apply-text').click();
  await expect(page.getByTestId('notice')).toContainText('400 characters; at most 300');
  await expect(page.getByTestId('text')).toHaveValue(long);
  // Mended, it is used and the mark goes.
  await page.getByTestId('text').fill('ab ab c');
  await page.getByTestId('apply-text').click();
  await expect(page.getByTestId('token-2')).toHaveText(/c/);
  await expect(page.getByTestId('text')).not.toHaveAttribute('aria-invalid', 'true');
  // The introduction no longer quotes 我 爱 北京 天安门, in either language.
  const intro = page.locator('#view-sentence .intro');
  await expect(intro).toContainText('the tokens below');
  await page.getByTestId('lang').click();
  await expect(intro).toContainText('下面这些词');
  await expect(intro).not.toContainText('天安门');
  expect(problems).toEqual([]);
});

test('changing the cell while training stops training and says so', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&cell=lstm&units=64&epochs=5000&text=' + encodeURIComponent('a b c d e f g h i j k l m n o p'));
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train')).toHaveText('Stop');
  await page.getByTestId('cell').selectOption('gru');
  await expect(page.getByTestId('notice')).toContainText('training stopped');
  await expect(page.getByTestId('train')).toHaveText('Train');
  expect(problems).toEqual([]);
});

test('changing ρ during the memory comparison stops it and says so', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&view=gradients');
  await page.getByTestId('race').click();
  await expect(page.getByTestId('race')).toHaveText('Stop');
  await page.getByTestId('radius').evaluate((el) => {
    el.value = '1.2';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.getByTestId('notice')).toContainText('runs in progress stopped');
  await expect(page.getByTestId('race')).toHaveText('Compare');
  expect(problems).toEqual([]);
});

test('Reset goes back to the first token; New weights starts again from the seed', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&epochs=200');
  const readout = page.getByTestId('loss-readout');
  const untrained = await readout.textContent();
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train-status')).toContainText('Trained', { timeout: 60_000 });
  await expect(page).toHaveURL(/trained=200/);
  const trained = await readout.textContent();
  expect(trained).not.toBe(untrained);
  await page.getByTestId('step').click();
  await page.getByTestId('reset').click();
  await expect(page.getByTestId('token-strip').locator('[aria-current]')).toHaveCount(0);
  expect(await readout.textContent()).toBe(trained);
  await page.getByTestId('reinit').click();
  await expect(readout).toHaveText(untrained);
  await expect(page).not.toHaveURL(/trained=/);
  expect(problems).toEqual([]);
});

test('the gradient check of a large network runs with a progress bar and the page answers', async ({ page }) => {
  const text = Array.from({ length: 64 }, (_, i) => `w${i}`).join(' ');
  const problems = await openPage(page, `?lang=en&cell=lstm&units=64&text=${encodeURIComponent(text)}`);
  await page.getByTestId('gradcheck').click();
  await expect(page.getByTestId('gradcheck-progress')).toBeVisible();
  // A click is answered while the check runs.
  const t0 = Date.now();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('token-0')).toHaveAttribute('aria-current', 'step');
  expect(Date.now() - t0).toBeLessThan(1000);
  await expect(page.getByTestId('gradcheck-result')).toContainText('worst relative error', { timeout: 120_000 });
  // The weight is named as the formulas write it (an LSTM's gate matrices, W_c with its
  // subscript), then as Keras stores it.
  await expect(page.getByTestId('gradcheck-result')).toContainText(/at [WUb][a-z]{1,2}\[\d+\](\[\d+\])? \((kernel|recurrent_kernel|bias|dense_kernel|dense_bias)\[/);
  await expect(page.getByTestId('gradcheck-result').locator('sub')).toHaveCount(1);
  expect(problems).toEqual([]);
});

test('after long training the gradient check says nothing could be judged', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&lr=0.1&trained=3000');
  await expect(page.getByTestId('train-status')).toContainText('Trained 3000 epochs', { timeout: 60_000 });
  await page.getByTestId('gradcheck').click();
  await expect(page.getByTestId('gradcheck-result')).toContainText('Nothing could be judged', { timeout: 60_000 });
  await expect(page.getByTestId('gradcheck-result')).not.toContainText(/0\.0e\+0|at \)/);
  expect(problems).toEqual([]);
});

test('the page runs under a strict Content-Security-Policy: its own files only, no inline script', async ({ page }) => {
  const problems = await openPage(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('sha256-');
  // Not one inline script: the first-paint script is a file of the site.
  expect(await page.locator('script:not([src])').count()).toBe(0);
  await expect(page.locator('script[src*="boot-"]')).toHaveCount(1);
  // And it ran: the frame is worded.
  await expect(page.locator('html')).toHaveClass(/worded/);
  for (const view of ['gradients', 'series', 'sentence']) await page.getByTestId(`view-${view}`).click();
  await page.getByTestId('step').click();
  expect(problems).toEqual([]);
});

/** Drops a file named `name` holding `text` on the page; whether the page kept the drop (and dragover) from the browser. */
async function dropFile(page, name, text) {
  return page.evaluate(
    ([name, text]) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
      const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
      const target = document.querySelector('main');
      target.dispatchEvent(over);
      target.dispatchEvent(drop);
      return over.defaultPrevented && drop.defaultPrevented;
    },
    [name, text],
  );
}

test('a file dropped on any view is opened by it or refused, and the browser never leaves the page for it', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await openPage(page, '?lang=en');
  const sentenceFile = await page.evaluate(() => window.__rnnp.views.sentence.debug.playground().modelFile());
  expect(await dropFile(page, 'mine.json', sentenceFile)).toBe(true);
  await expect(page.getByTestId('notice')).toContainText('Opened mine.json');

  await openPage(page, '?lang=en&view=write');
  const charFile = await page.evaluate(() => {
    const trainer = new window.__rnnp.wasm.TextTrainer('春风吹柳绿，夜雨落花红。\n'.repeat(40), { units: 8, seqLen: 8, batchSize: 2 });
    const file = trainer.modelFile();
    trainer.free();
    return file;
  });
  await expect(page.getByTestId('write-step')).toBeDisabled();
  expect(await dropFile(page, 'verse.json', charFile)).toBe(true);
  await expect(page.getByTestId('write-step')).toBeEnabled();
  // A file that is not a model: refused by name, and the page is still here.
  expect(await dropFile(page, 'notes.json', '{"not": "a model"}')).toBe(true);
  await expect(page.getByTestId('notice')).toContainText('Did not open notes');

  for (const view of ['gradients', 'series']) {
    await openPage(page, `?lang=en&view=${view}`);
    expect(await dropFile(page, 'mine.json', sentenceFile), view).toBe(true);
    await expect(page.getByTestId('notice'), view).toContainText('“mine.json” was not opened: this view opens no files');
  }
  expect(problems).toEqual([]);
});

test.describe('after the site is deployed again', () => {
  // (The service worker would answer from its cache: the routes below stand for the server.)
  test.use({ serviceWorkers: 'block' });

  test('a view whose file is gone asks for a reload when the site was updated, and says it could not load when it was not', async ({ page }) => {
    for (const updated of [true, false]) {
      const problems = await openPage(page, '?lang=en');
      // The old version's view file is gone from the server.
      await page.route(/\/assets\/write-[^/]+\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
      if (updated) await page.route(/\/sw\.js$/, (route) => route.fulfill({ contentType: 'text/javascript', body: "const FILES = ['./assets/index-NEW.js'];" }));
      // (The page asks the server which version it has: sw.js.)
      const asked = page.waitForResponse(/\/sw\.js$/);
      await page.getByRole('button', { name: 'Write' }).click();
      await asked;
      const line = page.locator('#view-write .loading.warn');
      if (updated) {
        await expect(line).toContainText('The site has been updated since this tab was opened');
        await expect(line.getByTestId('reload')).toBeVisible();
      } else {
        await expect(line).toContainText('could not be loaded');
        await page.evaluate(() => new Promise((r) => setTimeout(r, 0)));
        await expect(line.getByTestId('reload')).toHaveCount(0);
      }
      await page.unrouteAll();
      expect(problems.filter((p) => !/write-|404/.test(p))).toEqual([]);
    }
  });
});

test('a model file of 60 MB of junk numbers is refused by both views that open files, at once and without a long task', async ({ page }) => {
  test.setTimeout(120_000);
  const { writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const path = join(mkdtempSync(join(tmpdir(), 'rnnp-junk-')), 'junk.json');
  writeFileSync(path, `[${'0,'.repeat(30_000_000)}0]`);
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
  });
  for (const [view, input] of [['sentence', 'model-file'], ['write', 'write-open-input']]) {
    const problems = await openPage(page, `?lang=en&view=${view}`);
    await page.evaluate(() => window.__longTasks.splice(0));
    await page.getByTestId(input).setInputFiles(path);
    await expect(page.getByTestId('notice')).toContainText('has 30,000,002 values', { timeout: 30_000 });
    const tasks = await page.evaluate(() => window.__longTasks.splice(0));
    expect(Math.max(0, ...tasks), `${view}: the longest task while refusing (ms)`).toBeLessThan(200);
    expect(problems).toEqual([]);
  }
});
