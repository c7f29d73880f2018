// The Write view: a character model trained in the page's worker (the loss
// falls, samples appear, the page answers clicks and training survives a change of view;
// pause, resume and stop), writing one character at a time (deterministic at T 0.1,
// reproducible at T 1 with a seed), models kept in the browser across a reload, pasted
// texts refused with clear words, and the worker's numbers equal to the page's.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { openPage, fullShot } from './helpers.js';

const SMALL = 'view=write&lang=en&wunits=32&wseqLen=32&wbatch=8';
const updates = (page) => page.evaluate(() => window.__rnnp.views.write.debug.training.updates());
const status = (page) => page.getByTestId('write-status');

/** The numbers of the status line: update, target, training loss, bits, ... */
async function lossNow(page) {
  const text = await status(page).textContent();
  const m = text.match(/training loss ([\d.]+)/);
  return m ? Number(m[1]) : NaN;
}

test('training in the worker: the loss falls, samples appear, clicks are answered, and it survives a change of view', async ({ page }) => {
  const problems = await openPage(page, `?${SMALL}&wupdates=2000`);
  await expect(page.getByTestId('corpus-info')).toContainText('V = 1158');
  await page.getByTestId('write-train').click();
  await expect(status(page)).toContainText('held out', { timeout: 60_000 });
  const early = await lossNow(page);
  // The page answers while the worker trains: Step in the sentence view moves the stepper.
  await page.getByTestId('view-sentence').click();
  // (The sentence view's module may still be on its way: its debug hooks come with it.)
  await page.waitForFunction(() => window.__rnnp.views.sentence?.debug.playground?.());
  const before = await page.evaluate(() => window.__rnnp.views.sentence.debug.playground().position().forward);
  const t0 = Date.now();
  await page.getByTestId('step').click();
  await expect.poll(() => page.evaluate(() => window.__rnnp.views.sentence.debug.playground().position().forward)).toBe(before + 1);
  expect(Date.now() - t0).toBeLessThan(1000);
  const away = await updates(page);
  await page.waitForTimeout(1500);
  await page.getByTestId('view-write').click();
  // Training went on while the view was away.
  expect(await updates(page)).toBeGreaterThan(away);
  await expect.poll(() => lossNow(page), { timeout: 60_000 }).toBeLessThan(early - 0.3);
  await expect(page.getByTestId('write-rates')).toContainText('updates');
  expect(await page.getByTestId('write-samples').locator('li').count()).toBeGreaterThan(0);
  // Pause: the model comes back to the page and writes; Resume goes on from there.
  await page.getByTestId('write-train').click();
  await expect(status(page)).toContainText('Paused at update');
  const paused = await updates(page);
  await expect(page.getByTestId('write-step')).toBeEnabled();
  await page.getByTestId('write-step').click();
  await expect(page.getByTestId('top10').locator('tr.picked')).toHaveCount(1);
  await page.getByTestId('write-train').click();
  await expect(page.getByTestId('write-train')).toHaveText('Pause');
  await expect.poll(() => updates(page), { timeout: 30_000 }).toBeGreaterThan(paused);
  // The loss chart kept the updates before the pause.
  const history = await page.evaluate(() => window.__rnnp.views.write.debug.training.updates());
  expect(history).toBeGreaterThan(paused);
  await page.getByTestId('write-stop').click();
  await expect(status(page)).toContainText('Stopped at update');
  await expect(page.getByTestId('write-train')).toHaveText('Train again');
  expect(problems).toEqual([]);
});

test('writing: T 0.1 is the same whatever the seed, T 1 the same for the same seed; saved models write the same after a reload', async ({ page }) => {
  const problems = await openPage(page, `?${SMALL}&wupdates=40`);
  await page.evaluate(() => indexedDB.deleteDatabase('rnn-playground'));
  await page.getByTestId('write-train').click();
  await expect(status(page)).toContainText('Trained: 40 updates', { timeout: 90_000 });
  // Before a reload can lose it, the page says where the model lives.
  await expect(status(page)).toContainText('a reload loses it unless you keep it');
  // The two bars of a candidate are told apart by colour (blue and orange), not by shade.
  const [p, drawn] = await page.getByTestId('top10').locator('tr').nth(1).locator('.bar').evaluateAll((bars) => bars.map((b) => getComputedStyle(b).backgroundColor));
  expect([p, drawn]).toEqual(['rgb(0, 114, 178)', 'rgb(230, 159, 0)']);
  const write = async (n) => {
    await page.getByTestId('write-begin').click();
    for (let i = 0; i < n; i++) await page.getByTestId('write-step').click();
    return page.getByTestId('pen-text').textContent();
  };
  const set = (patch) => page.evaluate((p) => window.__rnnp.store.set(p), patch);
  await set({ temp: 0.1, dseed: 1 });
  const cold = await write(12);
  await set({ dseed: 2 });
  expect(await write(12)).toBe(cold);
  // At 0.1 the character drawn is the likeliest, drawn with probability 1.
  await expect(page.getByTestId('top10').locator('tr.picked th')).toHaveText(await page.getByTestId('top10').locator('tr').nth(1).locator('th').textContent());
  await set({ temp: 1, dseed: 5 });
  const warm = await write(12);
  expect(await write(12)).toBe(warm);
  await set({ dseed: 6 });
  const other = await write(12);
  await set({ dseed: 5 });
  await page.getByTestId('write-poems').click();
  // Written one per task: five items, then the words.
  await expect(page.getByTestId('poems').locator('li')).toHaveCount(5);
  await expect(page.getByTestId('write-poems')).toBeEnabled();
  const poems = await page.getByTestId('poems').innerText();
  expect(other).not.toBe(warm);
  await page.getByTestId('write-save').click();
  await expect(page.getByTestId('saved-models').locator('li')).toHaveCount(1);
  mkdirSync('test-results/screenshots', { recursive: true });
  await fullShot(page, 'test-results/screenshots/write-en.png');

  await page.reload();
  await page.waitForFunction(() => window.__rnnp);
  await expect(page.getByTestId('write-step')).toBeDisabled();
  await page.getByTestId('saved-open').click();
  await expect(page.getByTestId('write-step')).toBeEnabled();
  expect(await write(12)).toBe(warm);
  await page.getByTestId('write-poems').click();
  await expect(page.getByTestId('poems').locator('li')).toHaveCount(5);
  expect(await page.getByTestId('poems').innerText()).toBe(poems);
  await page.getByTestId('saved-delete').click();
  await expect(page.getByTestId('saved-models')).toContainText('No model saved');
  expect(problems).toEqual([]);
});

test('pasted texts: empty, one character repeated, too long, a character too large and too short are refused with what to do', async ({ page }) => {
  const problems = await openPage(page, '?view=write&lang=en&corpus=own');
  await expect(page.getByTestId('corpus-info')).toContainText('Paste a text first');
  const notice = page.locator('#notice [data-role=text]');
  const paste = async (text) => {
    await page.getByTestId('own-text').fill(text);
    await page.getByTestId('own-use').click();
  };
  await paste('   ');
  await expect(notice).toHaveText('The text is empty: paste some text and try again.');
  await paste('啊'.repeat(500));
  await expect(notice).toContainText('one character (“啊”) repeated');
  await paste('ab'.repeat(1024 * 1024));
  await expect(notice).toContainText('The text has 2,097,152 characters, over the limit of 1,000,000');
  // The engine's limit, in characters: a million Chinese characters (2.9 MB) pass.
  await paste('春风吹柳绿'.repeat(200_000));
  await expect(page.getByTestId('own-info')).toContainText('1,000,000 characters, 5 different ones');
  // One "character" of a letter and 200 stacked accents.
  await paste(`${'春风吹柳绿，夜雨落花红。\n'.repeat(40)}x${'\u0301'.repeat(200)}`);
  await expect(notice).toContainText('one “character” of 401 bytes');
  // Accepted by the page, refused by the engine: too short for a window and a held-out part.
  await paste('春风吹柳绿，夜雨落花红。');
  await expect(page.getByTestId('own-info')).toContainText('12 characters');
  await page.getByTestId('write-train').click();
  await expect(notice).toContainText('too short: it needs at least');
  await expect(page.getByTestId('write-train')).toHaveText('Train');
  // A text that works: it trains.
  await paste('春风吹柳绿，夜雨落花红。山高月色远，水阔客心空。\n'.repeat(80));
  await page.getByTestId('write-train').click();
  await expect(status(page)).toContainText('Update', { timeout: 30_000 });
  expect(problems).toEqual([]);
});

test('a refused text does not break the next Train, and a text that begins with white space and a combining mark trains', async ({ page }) => {
  const problems = await openPage(page, '?view=write&lang=en&corpus=own&wunits=16&wupdates=20');
  const notice = page.locator('#notice [data-role=text]');
  // (A different number of updates each time, so each run's status is its own.)
  const train = async (text, updates) => {
    await page.getByTestId('write-updates').fill(String(updates));
    await page.getByTestId('own-text').fill(text);
    await page.getByTestId('own-use').click();
    await page.getByTestId('write-train').click();
  };
  const verse = '春风吹柳绿，夜雨落花红。山高月色远，水阔客心空。\n'.repeat(60);
  await train(verse, 20);
  await expect(status(page)).toContainText('Trained: 20 updates', { timeout: 60_000 });
  // Too short: refused by the engine in the worker, as before.
  await train('abcdefghij', 21);
  await expect(notice).toContainText('too short');
  // Then a good text trains: the engine was not restarted.
  await train(`${verse}！`, 22);
  await expect(status(page)).toContainText('Trained: 22 updates', { timeout: 60_000 });
  await expect(notice).not.toContainText('restarted');
  // A space with a combining mark on it is one character, and the first one: writing starts there.
  await train(` \u0301${'ab cd\nef gh\n'.repeat(40)}`, 23);
  await expect(status(page)).toContainText('Trained: 23 updates', { timeout: 60_000 });
  await expect(page.getByTestId('write-step')).toBeEnabled();
  await expect(notice).not.toContainText('restarted');
  expect(problems).toEqual([]);
});

test('the worker and the page train the same character model to the bit', async ({ page }) => {
  const problems = await openPage(page, '?view=write&lang=zh');
  await page.waitForFunction(() => window.__rnnp.views.write?.debug.infoFor?.());
  const out = await page.evaluate(async () => {
    const { jobs, runOnPage, views } = window.__rnnp;
    const text = await views.write.debug.text('tang');
    const payload = { corpus: 'tang', text, config: { cell: 'gru', units: 24, seqLen: 32, batchSize: 4, learningRate: 0.005, seed: 3 }, from: 0, target: 15, every: 5, prompt: '春' };
    const [a, b] = await Promise.all([jobs.run('textTrain', payload).done, runOnPage('textTrain', payload).done]);
    const file = (w) => {
      const desk = new window.__rnnp.wasm.WritingDesk();
      desk.useWeights(w.config, w.vocabulary, w.params);
      return desk.modelFile();
    };
    return { where: jobs.where(), files: [file(a.result.weights), file(b.result.weights)], samples: [a.result.samples, b.result.samples] };
  });
  expect(out.where).toBe('worker');
  expect(out.files[0].length).toBeGreaterThan(1000);
  expect(out.files[0]).toBe(out.files[1]);
  expect(out.samples[0]).toEqual(out.samples[1]);
  await fullShot(page, 'test-results/screenshots/write-zh.png');
  expect(problems).toEqual([]);
});

test('with a model on the desk, a start it cannot read is named in the pen, not “No model yet”', async ({ page }) => {
  const problems = await openPage(page, '?view=write&lang=en');
  const file = await page.evaluate(() => {
    const trainer = new window.__rnnp.wasm.TextTrainer('春风吹柳绿，夜雨落花红。\n'.repeat(40), { units: 8, seqLen: 8, batchSize: 2 });
    const text = trainer.modelFile();
    trainer.free();
    return text;
  });
  await page.getByTestId('write-open-input').setInputFiles({ name: 'verse.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(page.getByTestId('write-step')).toBeEnabled();
  await page.getByTestId('write-prompt').fill('Z');
  await page.getByTestId('write-prompt').press('Enter');
  await page.getByTestId('write-prompt').blur();
  const pen = page.getByTestId('pen-text');
  await expect(pen).toContainText('“Z”');
  await expect(pen).not.toContainText('No model yet');
  // A start it can read writes again.
  await page.getByTestId('write-prompt').fill('春');
  await page.getByTestId('write-prompt').blur();
  await page.getByTestId('write-step').click();
  await expect(pen).toContainText(/^春./);
  expect(problems).toEqual([]);
});

test('the saved-models list reads only what it shows: 40 large models list at once, a damaged entry is shown as one, NaN weights are refused', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__longTasks.push(Math.round(e.duration)))).observe({ type: 'longtask' });
    // Which stores are read whole (the list's store is small; the models' is not).
    window.__readWhole = [];
    const getAll = IDBObjectStore.prototype.getAll;
    IDBObjectStore.prototype.getAll = function (...args) {
      window.__readWhole.push(this.name);
      return getAll.apply(this, args);
    };
  });
  const problems = await openPage(page, '?view=write&lang=en');
  await page.evaluate(() => indexedDB.deleteDatabase('rnn-playground'));
  await openPage(page, '?view=write&lang=en');
  await expect(page.getByTestId('saved-models')).toContainText('No model saved');
  // 40 models of 500,000 weights each (2 MB), one damaged entry, one with NaN weights.
  await page.evaluate(async () => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('rnn-playground', 2);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction(['write-models', 'write-model-list'], 'readwrite');
    const [all, list] = [tx.objectStore('write-models'), tx.objectStore('write-model-list')];
    const config = { cell: 'lstm', units: 8, seqLen: 8, batchSize: 2, learningRate: 0.005, clipThreshold: 5, seed: 1 };
    const shown = (id, extra = {}) => ({ id, name: `model ${id}`, date: new Date(2026, 11, 1 + (id % 20)).toISOString(), corpus: 'tang', updates: 100, cell: 'lstm', units: 8, ...extra });
    for (let id = 1; id <= 40; id++) {
      all.put({ ...shown(id), weights: { config, vocabulary: ['a', 'b'], params: new Float32Array(500_000) } });
      list.put(shown(id));
    }
    // An LSTM of 8 units over 2 characters: kernel 2×32, recurrent kernel 8×32, bias 32, dense 8×2 and 2.
    const nan = new Float32Array(2 * 32 + 8 * 32 + 32 + 8 * 2 + 2).fill(NaN);
    all.put({ ...shown(41), weights: { config, vocabulary: ['a', 'b'], params: nan } });
    list.put(shown(41, { name: 'broken weights' }));
    list.put(shown(42, { date: 5n, name: Object.create(null) }));
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  });
  await openPage(page, '?view=write&lang=en');
  const rows = page.getByTestId('saved-models').locator('li');
  await expect(rows).toHaveCount(42);
  await expect(rows.first()).toContainText('A damaged entry');
  await expect(rows.first().getByTestId('saved-open')).toBeDisabled();
  await expect(rows.nth(1)).toContainText('broken weights');
  const read = await page.evaluate(() => (window.__longTasks.splice(0), window.__readWhole.splice(0)));
  expect(read.filter((name) => name !== 'write-model-list'), 'stores read whole').toEqual([]);
  // Deleting the damaged entry lists them all again, without a long task.
  await rows.first().getByTestId('saved-delete').click();
  await expect(rows).toHaveCount(41);
  await page.waitForTimeout(300);
  const after = await page.evaluate(() => window.__longTasks.splice(0));
  expect(Math.max(0, ...after), 'the longest task while listing again (ms)').toBeLessThan(200);
  // NaN weights: refused by name, as a model file with NaN is.
  await rows.first().getByTestId('saved-open').click();
  await expect(page.getByTestId('notice')).toContainText('NaN');
  await expect(page.getByTestId('write-step')).toBeDisabled();
  expect(problems).toEqual([]);
});

test('models saved by the earlier version of the list (one store) are listed and open', async ({ page }) => {
  const problems = await openPage(page, '?view=write&lang=en');
  const file = await page.evaluate(async () => {
    const trainer = new window.__rnnp.wasm.TextTrainer('春风吹柳绿，夜雨落花红。\n'.repeat(40), { units: 8, seqLen: 8, batchSize: 2 });
    const modelFile = trainer.modelFile();
    trainer.free();
    await new Promise((resolve) => {
      const r = indexedDB.deleteDatabase('rnn-playground');
      r.onsuccess = r.onerror = r.onblocked = resolve;
    });
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('rnn-playground', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('write-models', { keyPath: 'id', autoIncrement: true });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('write-models', 'readwrite');
    tx.objectStore('write-models').add({ name: 'old verse', date: '2026-11-30T10:00:00.000Z', corpus: 'file', updates: 0, cell: 'lstm', units: 8, weights: null, modelFile, history: null });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return modelFile;
  });
  expect(file.length).toBeGreaterThan(100);
  await openPage(page, '?view=write&lang=en');
  const rows = page.getByTestId('saved-models').locator('li');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('old verse');
  await rows.first().getByTestId('saved-open').click();
  await expect(page.getByTestId('write-step')).toBeEnabled();
  expect(problems).toEqual([]);
});
