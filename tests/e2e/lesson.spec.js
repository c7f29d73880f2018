// The guided lesson: every chapter in both languages, answered wrong and right,
// with the view set up as the chapter says (its view, its hidden parts, its URL), the
// keyboard and Back, zero axe-core violations, and a screenshot of each chapter.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { openPage, seeChart } from './helpers.js';

const SHOTS = 'test-results/screenshots';

/** The chapters' views, hidden parts and right answers, read from the page's own module. */
async function chapters(page) {
  return page.evaluate(async () => {
    await window.__rnnp.openLesson();
    const { CHAPTERS } = window.__rnnp.lessonChapters();
    return CHAPTERS.map((c) => ({ view: c.view, hide: c.hide, answer: c.answer }));
  });
}

for (const lang of ['en', 'zh']) {
  test(`the whole lesson, ${lang}: each chapter sets its view up, its question answers wrong then right, axe finds nothing`, async ({ page }) => {
    test.setTimeout(240_000);
    mkdirSync(SHOTS, { recursive: true });
    const problems = await openPage(page, `?lang=${lang}`);
    await page.getByTestId('lesson').click();
    const panel = page.getByTestId('lesson-panel');
    await expect(panel).toBeVisible();
    const list = await chapters(page);
    expect(list).toHaveLength(9);
    for (let n = 1; n <= 9; n++) {
      const c = list[n - 1];
      await expect(page.getByTestId('lesson-progress')).toHaveText(lang === 'en' ? `Chapter ${n} / 9` : `第 ${n} / 9 章`);
      await expect(page).toHaveURL(new RegExp(`[?&]lesson=${n}(&|$)`));
      await expect(page.getByTestId(`view-${c.view}`)).toHaveAttribute('aria-current', 'page');
      await expect(page.locator(`#view-${c.view}`)).toHaveAttribute('data-state', 'ready');
      // Exactly the chapter's parts are hidden (those of the view on screen).
      const hidden = await page.evaluate(() => [...document.querySelectorAll('main .teacher-hidden')].map((e) => e.dataset.hideId).sort());
      const present = await page.evaluate((names) => names.filter((h) => document.querySelector(`main [data-hide-id="${h}"]`)), c.hide);
      expect(hidden).toEqual([...present].sort());
      for (const h of present) await expect(page.locator(`main [data-hide-id="${h}"]`).first()).toBeHidden();
      expect(await page.getByTestId('lesson-text').textContent()).not.toMatch(/lesson\.\d/);
      // A wrong answer, then the right one, each graded by Check: the wrong one says so and
      // does not give the right one away; the right one comes with the explanation.
      const wrong = [1, 2, 3].find((i) => i !== c.answer);
      const feedback = page.getByTestId('lesson-feedback');
      const grade = page.getByTestId('lesson-grade');
      await expect(grade).toBeDisabled();
      await page.getByTestId(`lesson-answer-${wrong}`).check();
      await expect(feedback).not.toHaveAttribute('data-result', /./);
      await grade.click();
      await expect(feedback).toHaveAttribute('data-result', 'wrong');
      await expect(feedback).toContainText(lang === 'en' ? 'Not quite.' : '不对。');
      expect(await page.locator('.answers label.right').count()).toBe(0);
      await page.getByTestId(`lesson-answer-${c.answer}`).check();
      await expect(feedback).not.toHaveAttribute('data-result', /./);
      await grade.click();
      await expect(feedback).toHaveAttribute('data-result', 'right');
      await expect(feedback).toContainText(lang === 'en' ? 'Right.' : '答对了。');
      const why = await feedback.textContent();
      expect(why.length).toBeGreaterThan(20);
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `chapter ${n}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/lesson-${lang}-${n}.png` });
      if (n < 9) {
        // Half the chapters by the button, half by the keyboard (→, with the focus on the page:
        // in a radio group the arrows choose the answer).
        if (n % 2) await page.getByTestId('lesson-next').click();
        else {
          await page.evaluate(() => document.activeElement?.blur());
          await page.keyboard.press('ArrowRight');
        }
      }
    }
    await expect(page.getByTestId('lesson-next')).toBeDisabled();
    // ← goes back a chapter, and so does the browser's Back.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('lesson-progress')).toContainText('8');
    await page.goBack();
    await expect(page.getByTestId('lesson-progress')).toContainText('9');
    await page.goBack();
    await expect(page.getByTestId('lesson-progress')).toContainText('8');
    await expect(page.getByTestId('view-series')).toHaveAttribute('aria-current', 'page');
    // Closing the lesson shows everything again.
    await page.getByTestId('lesson-close').click();
    await expect(panel).toBeHidden();
    expect(await page.locator('main .teacher-hidden').count()).toBe(0);
    expect(problems).toEqual([]);
  });
}

test('a chapter sets the moment: chapter 4 opens read to the end, its task is marked done after four BPTT steps', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&cell=gru');
  await page.evaluate(() => window.__rnnp.openLesson().then((l) => l.go(4)));
  await expect(page).toHaveURL(/lesson=4/);
  // The chapter's settings replace the reader's (the cell goes back to the default).
  await expect(page).not.toHaveURL(/cell=gru/);
  await expect(page.getByTestId('token-3')).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('lesson-task-done')).toBeHidden();
  for (let i = 0; i < 4; i++) await page.getByTestId('bptt-step').click();
  await expect(page.getByTestId('lesson-task-done')).toBeVisible();
  // In the lesson ← turns the chapter, not the step.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Chapter 3 / 9');
  await expect(page.getByTestId('token-strip').locator('[aria-current]')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('a link to a chapter opens that chapter with the link’s own settings', async ({ page }) => {
  const problems = await openPage(page, '?lang=zh&lesson=5&view=gradients&radius=0.5&gact=linear');
  await expect(page.getByTestId('lesson-progress')).toHaveText('第 5 / 9 章');
  await expect(page.getByTestId('radius')).toHaveValue('0.5');
  await expect(page.getByTestId('lesson-task-done')).toBeVisible();
  expect(problems).toEqual([]);
});

/** Goes to chapter `n` as Next would. */
async function chapter(page, n) {
  await page.evaluate((n) => window.__rnnp.openLesson().then((l) => l.go(n)), n);
  await expect(page.getByTestId('lesson-progress')).toHaveText(`Chapter ${n} / 9`);
}

test('the numbers the chapters name are the ones the page shows with their settings', async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await openPage(page, '?lang=en');
  // 2: V = 5, the untrained loss about 1.75, near ln 5 ≈ 1.61.
  await chapter(page, 2);
  expect(await page.getByTestId('lesson-text').textContent()).toContain('about 1.75');
  const readout = page.getByTestId('loss-readout');
  await expect(readout).toContainText('ln V = ln 5 = 1.609');
  expect(Number((await readout.textContent()).match(/sentence loss ([\d.]+)/)[1])).toBeCloseTo(1.75, 1);
  // 3: 300 epochs take the loss below 0.01, and 爱 follows 我.
  await chapter(page, 3);
  await page.getByTestId('train').click();
  await expect(page.getByTestId('train-status')).toContainText('Trained', { timeout: 60_000 });
  expect(Number((await readout.textContent()).match(/sentence loss ([\d.e-]+)/)[1])).toBeLessThan(0.01);
  await expect(page.getByTestId('lesson-task-done')).toBeVisible();
  // 5: the average factor per step is ρ = 0.8; 0.8⁴⁹ ≈ 1.8·10⁻⁵ from step T back to step 1.
  await chapter(page, 5);
  await expect(page.getByTestId('flow-numbers')).toContainText('0.8000');
  expect(Number(await page.getByTestId('flow-numbers').getAttribute('data-last-to-first'))).toBeCloseTo(0.8 ** 49, 6);
  // 6: without clipping, training stops at the fourth update with the loss NaN; with
  // global-norm clipping it runs to the end.
  await chapter(page, 6);
  await page.getByTestId('train-grad').click();
  await expect(page.getByTestId('train-grad-status')).toContainText('Training stopped: at update 4', { timeout: 60_000 });
  // (Said once: the message does not repeat its own preface.)
  expect((await page.getByTestId('train-grad-status').textContent()).match(/stopped/g)).toHaveLength(1);
  await expect(page.getByTestId('train-grad-status')).toContainText('NaN');
  await page.getByTestId('clip-mode').selectOption('norm');
  await page.getByTestId('train-grad').click();
  await expect(page.getByTestId('train-grad-status')).toContainText('300/300 updates', { timeout: 60_000 });
  await expect(page.getByTestId('train-grad-status')).toContainText('batch accuracy 1.0,');
  // The loss has fallen below float32's smallest number: the status says what that 0 means.
  await expect(page.getByTestId('train-grad-status')).toContainText('smaller than float32 can hold');
  await expect(page.locator('[data-i18n="explode.intro"]')).toContainText('linear at ρ = 1.5');
  // 7: at ρ = 0.5 with the forget-gate bias 5, the LSTM's gradient comes back from step T,
  // the GRU's and the simple RNN's hardly do.
  await chapter(page, 7);
  await seeChart(page, 'chart-cells');
  const items = page.getByTestId('cells-numbers').locator('li');
  await expect(items).toHaveCount(3);
  const ratios = (await items.allTextContents()).map((s) => Number(s.split('=').pop().trim()));
  const [simple, lstm, gru] = ratios;
  expect(lstm).toBeGreaterThan(0.1);
  expect(gru).toBeLessThan(1e-6);
  expect(simple).toBeLessThan(gru);
  expect(problems).toEqual([]);
});

test('every chapter’s formula fits the lesson panel, on a projector in presenter mode and on a phone, in both languages', async ({ page }) => {
  test.setTimeout(240_000);
  for (const [width, height, extra] of [[1024, 768, '&present=1'], [390, 844, '']]) {
    await page.setViewportSize({ width, height });
    for (const lang of ['en', 'zh']) {
      for (let n = 1; n <= 9; n++) {
        const problems = await openPage(page, `?lesson=${n}&lang=${lang}${extra}`);
        const formula = page.locator('#lesson [data-role="formula"]');
        if (await formula.isHidden()) continue;
        await page.evaluate(() => document.fonts.ready);
        const box = await formula.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, size: parseFloat(getComputedStyle(el).fontSize) }));
        expect(box.scroll, `chapter ${n}, ${lang}, ${width}×${height}: the formula is cut off`).toBeLessThanOrEqual(box.client + 1);
        // Smaller, but still read from the back of a room (or on a phone).
        expect(box.size, `chapter ${n}, ${lang}, ${width}×${height}`).toBeGreaterThanOrEqual(9);
        expect(problems).toEqual([]);
      }
    }
  }
});
