// A lecturer's first moves with the lesson: a link to a chapter alone opens it as Next
// does, a tab to another view leaves the lesson, tasks tick when they are done, a chapter
// hides what it does not talk about, and a link with training keeps its moment.
import { test, expect } from '@playwright/test';
import { openPage } from './helpers.js';

/** What a reader sees of the page: the state, the URL, the view and the hidden parts. */
async function screen(page) {
  await page.evaluate(() => window.__rnnp.store.flush());
  return page.evaluate(() => ({
    state: window.__rnnp.store.get(),
    search: location.search,
    view: document.querySelector('[data-view][aria-current="page"]')?.dataset.view,
    hidden: [...document.querySelectorAll('main .teacher-hidden')].map((e) => e.dataset.hideId).sort(),
  }));
}

test('each chapter opened by ?lesson=N alone is the chapter Next reaches: view, settings, hidden parts, URL', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await openPage(page, '?lang=en');
  await page.getByTestId('lesson').click();
  for (let n = 1; n <= 9; n++) {
    if (n > 1) await page.getByTestId('lesson-next').click();
    await expect(page.getByTestId('lesson-progress')).toHaveText(`Chapter ${n} / 9`);
    await expect(page.locator('main > .view')).toHaveAttribute('data-state', 'ready');
    const byNext = await screen(page);
    const link = await openPage(page, `?lang=en&lesson=${n}`);
    await expect(page.getByTestId('lesson-progress')).toHaveText(`Chapter ${n} / 9`);
    await expect(page.locator('main > .view')).toHaveAttribute('data-state', 'ready');
    const byLink = await screen(page);
    expect(byLink, `chapter ${n}`).toEqual(byNext);
    // Nothing is done yet in a chapter just opened.
    await expect(page.getByTestId('lesson-task-done')).toBeHidden();
    expect(link).toEqual([]);
    await openPage(page, `./${byNext.search}`);
  }
  expect(problems).toEqual([]);
});

test('a tab to another view leaves the lesson, and the Lesson button comes back to the chapter', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&lesson=1');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Chapter 1 / 9');
  await page.getByTestId('view-gradients').click();
  await expect(page.getByTestId('lesson-panel')).toBeHidden();
  await expect(page).not.toHaveURL(/lesson=|hide=/);
  expect(await page.locator('main .teacher-hidden').count()).toBe(0);
  await page.getByTestId('lesson').click();
  await expect(page.getByTestId('lesson-progress')).toHaveText('Chapter 1 / 9');
  await expect(page.getByTestId('view-sentence')).toHaveAttribute('aria-current', 'page');
  expect(problems).toEqual([]);
});

test('chapter 1 hides BPTT step and the training settings with the parts it hides; chapter 5 hides the forget-gate bias', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&lesson=1');
  await expect(page.locator('#view-sentence')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('bptt-step')).toBeHidden();
  for (const id of ['optimizer', 'lr', 'clip']) await expect(page.locator(`main [data-hide-id="${id}"]`).first()).toBeHidden();
  for (let i = 0; i < 4; i++) await page.getByTestId('step').click();
  await expect(page.getByTestId('lesson-task-done')).toBeVisible();
  // The sentence is read; the forward panel does not send the reader to a hidden button.
  await expect(page.getByTestId('forward-panel')).not.toContainText('BPTT');
  await openPage(page, '?lang=en&lesson=5');
  await expect(page.locator('#view-gradients')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('main [data-hide-id="forgetBias"]').first()).toBeHidden();
  await expect(page.getByTestId('radius')).toBeVisible();
  expect(problems).toEqual([]);
});

test('the tasks of chapters 2 and 8 tick once they are done', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await openPage(page, '?lang=en&lesson=2');
  await expect(page.getByTestId('lesson-task-done')).toBeHidden();
  await page.getByTestId('step').click();
  await expect(page.getByTestId('lesson-task-done')).toBeVisible();
  await openPage(page, '?lang=en&lesson=8');
  await expect(page.locator('#view-series')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('lesson-task-done')).toBeHidden();
  await page.getByTestId('train-series').click();
  await expect(page.getByTestId('lesson-task-done')).toBeVisible({ timeout: 60_000 });
  expect(problems).toEqual([]);
});

for (const query of ['?lang=en&pos=3&trained=300', '?lang=en&trained=50&pos=4&back=2']) {
  test(`a link with training keeps its moment in the URL (what Copy link copies) through opening and reload: ${query}`, async ({ page }) => {
    test.setTimeout(120_000);
    const want = Object.fromEntries(new URLSearchParams(query));
    const problems = await openPage(page, query);
    await expect(page.getByTestId('train-status')).toContainText('Trained', { timeout: 60_000 });
    const check = async () => {
      await page.evaluate(() => window.__rnnp.store.flush());
      const got = Object.fromEntries(new URL(page.url()).searchParams);
      for (const k of ['pos', 'back', 'trained']) expect(got[k], k).toBe(want[k]);
      await expect(page.getByTestId('token-strip').locator('.read')).toHaveCount(Number(want.pos));
    };
    await check();
    await page.reload();
    await page.waitForFunction(() => window.__rnnp);
    await expect(page.getByTestId('train-status')).toContainText('Trained', { timeout: 60_000 });
    await check();
    expect(problems).toEqual([]);
  });
}

test('pressing Train keeps the step the reader was at, now with the trained weights', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&epochs=50');
  await page.getByTestId('step').click();
  await page.getByTestId('step').click();
  const before = await page.getByTestId('prediction').textContent();
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train-status')).toContainText('Trained', { timeout: 60_000 });
  await expect(page.getByTestId('token-strip').locator('.read')).toHaveCount(2);
  await expect(page.getByTestId('token-1')).toHaveAttribute('aria-current', 'step');
  expect(await page.getByTestId('prediction').textContent()).not.toBe(before);
  await page.evaluate(() => window.__rnnp.store.flush());
  expect(new URL(page.url()).searchParams.get('pos')).toBe('2');
  expect(problems).toEqual([]);
});

test('space presses a button reached by the keyboard and steps after a mouse click; Check grades the lesson question', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&pos=2');
  const pos = async () => {
    await page.evaluate(() => window.__rnnp.store.flush());
    return page.evaluate(() => window.__rnnp.store.get().pos);
  };
  // Clicked with the mouse, Step keeps the focus but space still steps (once per press).
  await page.getByTestId('step').click();
  expect(await pos()).toBe(3);
  await page.keyboard.press('Space');
  expect(await pos()).toBe(4);
  // Reached by the keyboard, Reset is pressed by space: back to the start, not a step.
  for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.dataset.testid)) !== 'reset'; i++) await page.keyboard.press('Shift+Tab');
  expect(await page.evaluate(() => document.activeElement?.dataset.testid)).toBe('reset');
  await page.keyboard.press('Space');
  expect(await pos()).toBe(0);
  // And Play, reached by Tab, starts playing.
  for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.dataset.testid)) !== 'play'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');

  // Presenter mode: after Settings is clicked, space steps and Settings stays open.
  await openPage(page, '?lang=en&present=1&pos=1');
  await page.getByTestId('toggle-settings').click();
  await expect(page.getByTestId('toggle-settings')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  expect(await pos()).toBe(2);
  await expect(page.getByTestId('toggle-settings')).toHaveAttribute('aria-pressed', 'true');

  // The lesson's question: arrowing through the answers grades none of them.
  await openPage(page, '?lang=en&lesson=1');
  await page.getByTestId('lesson-answer-1').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('lesson-feedback')).toHaveText('');
  expect(await page.locator('.answers label.right, .answers label.wrong').count()).toBe(0);
  expect(problems).toEqual([]);
});

test('chapter 7: Compare shows what the chapter says (the LSTM remembers at every length, the others fall by 50), and the task ticks', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = await openPage(page, '?lang=en&lesson=7');
  await expect(page.locator('main > .view')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('race').click();
  await expect(page.getByTestId('lesson-task-done')).toBeVisible({ timeout: 200_000 });
  const results = await page.evaluate(() => window.__rnnp.views.gradients.debug.race().results);
  const acc = (cell, length) => results.find((r) => r.cell === cell && r.length === length).accuracy;
  console.log(results.map((r) => `${r.cell} ${r.length}: ${r.accuracy.toFixed(3)}`).join('; '));
  expect(results).toHaveLength(12);
  for (const length of [5, 10, 20, 50]) expect(acc('lstm', length), `LSTM at ${length}`).toBeGreaterThan(0.95);
  // Four symbols: chance is 0.25.
  expect(acc('simple_rnn', 50)).toBeLessThan(0.6);
  expect(acc('gru', 50)).toBeLessThan(0.6);
  expect(acc('simple_rnn', 5)).toBeGreaterThan(0.95);
  // The table says the same.
  const rows = await page.getByTestId('race-results').locator('tbody tr').allTextContents();
  expect(rows.length).toBe(12);
  expect(problems).toEqual([]);
});

test('chapter 6: the clipped run is readable: no point off the axis, the loss on the floor once learned, the spikes clipped', async ({ page }) => {
  test.setTimeout(120_000);
  const problems = await openPage(page, '?lang=en&lesson=6');
  await expect(page.locator('main > .view')).toHaveAttribute('data-state', 'ready');
  await page.getByTestId('clip-mode').selectOption('norm');
  await page.getByTestId('train-grad').click();
  await expect(page.getByTestId('train-grad-status')).toContainText('300/300', { timeout: 90_000 });
  await expect(page.getByTestId('lesson-task-done')).toBeVisible();
  const records = await page.evaluate(() => window.__rnnp.views.gradients.debug.explode().records);
  // The run's loss and gradient reach 0 in float32: on a log axis without a floor those
  // points fall off the axis and the chart says so.
  expect(records.filter((r) => r.loss === 0).length).toBeGreaterThan(100);
  await expect(page.getByTestId('chart-train-grad-note')).toBeHidden();
  expect(records.slice(-50).every((r) => r.loss < 1e-3 && r.accuracy === 1)).toBe(true);
  expect(Math.max(...records.slice(20).map((r) => r.loss))).toBeGreaterThan(1);
  await expect(page.getByTestId('train-grad-status')).toContainText('smaller than float32 can hold');
  expect(problems).toEqual([]);
});

/** Whether the element's top lies on screen (below `above` px) and it shows at least `px` of itself. */
async function onScreen(locator, { above = 0, px = 120 } = {}) {
  const box = await locator.boundingBox();
  const height = await locator.page().evaluate(() => innerHeight);
  return Boolean(box) && box.y >= above - 1 && box.y < height && Math.min(box.y + box.height, height) - box.y >= Math.min(px, box.height);
}

for (const [name, size, query] of [
  ['a projector in presenter mode', { width: 1024, height: 768 }, '&present=1'],
  ['a phone', { width: 390, height: 844 }, ''],
]) {
  test(`on ${name} each chapter's words and the part it talks about are on one screen`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const problems = await openPage(page, `?lang=en&lesson=1${query}`);
    for (let n = 1; n <= 9; n++) {
      if (n > 1) await page.getByTestId('lesson-next').click();
      await expect(page.getByTestId('lesson-progress')).toContainText(`${n} / 9`);
      await expect(page.locator('main > .view')).toHaveAttribute('data-state', 'ready');
      const focus = await page.evaluate((k) => window.__rnnp.lessonChapters().CHAPTERS[k - 1].focus ?? null, n);
      const panel = page.getByTestId('lesson-panel');
      // The chapter's text is on screen (the panel stays put as the view scrolls).
      expect(await onScreen(page.getByTestId('lesson-text'), { px: 60 }), `chapter ${n}: its text`).toBe(true);
      if (focus) {
        const part = page.locator(`main > .view [data-hide-id="${focus}"]`).first();
        const beside = size.width >= 900;
        const above = beside ? 0 : (await panel.boundingBox()).y + (await panel.boundingBox()).height;
        await expect.poll(() => onScreen(part, { above }), { message: `chapter ${n}: ${focus} on screen`, timeout: 10_000 }).toBe(true);
      }
    }
    // Chapter 5's ρ slider is in its task, where the settings are folded away or far below.
    await page.getByTestId('lesson-prev').click();
    await page.getByTestId('lesson-prev').click();
    await page.getByTestId('lesson-prev').click();
    await page.getByTestId('lesson-prev').click();
    await expect(page.getByTestId('lesson-progress')).toContainText('5 / 9');
    const slider = page.getByTestId('lesson-radius');
    await slider.scrollIntoViewIfNeeded();
    await expect(slider).toBeVisible();
    await slider.fill('0.5');
    await expect.poll(() => page.evaluate(() => window.__rnnp.store.get().radius)).toBe(0.5);
    await expect(page.getByTestId('lesson-task-done')).toBeVisible();
    await expect(page.getByTestId('flow-numbers')).toContainText('0.5000');
    expect(problems).toEqual([]);
  });
}
