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
