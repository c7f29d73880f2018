// The classroom kit: a copied link reopens the same moment (forward, backward,
// trained), `hide=` hides exactly what it names and "Edit what students see" writes it,
// embed mode fits an 800×600 frame, presenter mode fits a 1024×768 projector, bad values
// load the defaults with a notice, and a printed handout has the charts and tables whole.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, writeFileSync } from 'node:fs';
import { openPage, canvasHash, pdfText } from './helpers.js';

const SHOTS = 'test-results/screenshots';

/** What a screen shows: the highlighted token, the formula and backward panels, the readout, a chart. */
async function moment(page) {
  const text = async (id) => (await page.getByTestId(id).textContent()).trim();
  return {
    current: await page.getByTestId('token-strip').locator('[aria-current]').allTextContents(),
    forward: await text('forward-panel'),
    backward: await text('backward-panel'),
    loss: await text('loss-readout'),
    hidden: await canvasHash(page, 'chart-hidden'),
    grad: await canvasHash(page, 'chart-grad'),
  };
}

/** Presses Copy link and returns what went to the clipboard. */
async function copyLink(page) {
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  return page.evaluate(() => navigator.clipboard.readText());
}

for (const [name, setUp] of [
  ['a forward position', async (page) => { for (let i = 0; i < 2; i++) await page.getByTestId('step').click(); }],
  ['a backward position', async (page) => {
    for (let i = 0; i < 4; i++) await page.getByTestId('step').click();
    for (let i = 0; i < 2; i++) await page.getByTestId('bptt-step').click();
  }],
  ['a trained state', async (page) => {
    await page.getByTestId('epochs').fill('120');
    await page.getByTestId('epochs').press('Enter');
    await page.getByTestId('train').click();
    await expect(page.getByTestId('train-status')).toContainText('Trained');
    for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
  }],
]) {
  test(`a copied link reopens the same screen: ${name}`, async ({ page, context, browser }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const problems = await openPage(page, '?lang=en&cell=lstm&units=6');
    await setUp(page);
    const before = await moment(page);
    const link = await copyLink(page);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/rnn-playground\/\?/);
    // A fresh browser context: nothing shared but the link.
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await fresh.newPage();
    await other.goto(link);
    await other.waitForFunction(() => window.__rnnp);
    if (name === 'a trained state') await expect(other.getByTestId('train-status')).toContainText('as the link says');
    await expect(other.getByTestId('token-strip').locator('[aria-current]')).toHaveText(before.current);
    expect(await moment(other)).toEqual(before);
    await fresh.close();
    expect(problems).toEqual([]);
  });
}

test('hide= with a name the page does not know hides the ones it knows and says which setting it could not read', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&hide=everything,train');
  await expect(page.getByTestId('notice')).toContainText('hide');
  await expect(page.getByTestId('train')).toBeHidden();
  await expect(page.getByTestId('step')).toBeVisible();
  await page.evaluate(() => window.__rnnp.store.flush());
  expect(new URL(page.url()).searchParams.get('hide')).toBe('train');
  expect(problems).toEqual([]);
});

test('hide= hides exactly what it names; "Edit what students see" writes it into the copied link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = await openPage(page, '?lang=en&hide=seed,chart-units,gradcheck');
  const hidden = await page.evaluate(() => [...document.querySelectorAll('main .teacher-hidden')].map((e) => e.dataset.hideId).sort());
  expect(hidden).toEqual(['chart-units', 'gradcheck', 'seed']);
  await expect(page.getByTestId('seed')).toBeHidden();
  await expect(page.getByTestId('chart-units')).toBeHidden();
  await expect(page.getByTestId('gradcheck')).toBeHidden();
  for (const id of ['cell', 'units', 'lr', 'chart-hidden', 'chart-loss', 'train', 'forward-panel']) await expect(page.getByTestId(id)).toBeVisible();
  // The lab's parts of the same list: none named, none hidden.
  await page.getByTestId('view-gradients').click();
  expect(await page.locator('main .teacher-hidden').count()).toBe(0);
  await page.getByTestId('view-sentence').click();

  // Edit mode: every part has its checkbox; unticking hides it in the link.
  await page.getByTestId('classroom').click();
  await page.getByTestId('edit-visibility').click();
  await expect(page.getByTestId('seed')).toBeVisible();
  await expect(page.getByTestId('show-seed')).not.toBeChecked();
  await expect(page.getByTestId('show-cell')).toBeChecked();
  await page.getByTestId('show-cell').uncheck();
  await page.getByTestId('show-seed').check();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
  const link = await copyLink(page);
  expect(new URL(link).searchParams.get('hide')).toBe('cell,chart-units,gradcheck');
  await page.getByTestId('classroom').click();
  await page.getByTestId('edit-visibility').click();
  await expect(page.getByTestId('cell')).toBeHidden();
  await expect(page.getByTestId('seed')).toBeVisible();
  expect(problems).toEqual([]);
});

test('malformed lesson, pos, back and trained values load the defaults, hide keeps the names it knows, with the notice', async ({ page }) => {
  const problems = await openPage(page, '?lang=en&lesson=12&pos=abc&back=-1&trained=1e9&hide=cell,nonsense');
  await expect(page.getByTestId('notice')).toContainText('lesson, pos, back, trained, hide');
  const s = await page.evaluate(() => window.__rnnp.store.get());
  expect([s.lesson, s.pos, s.back, s.trained, s.hide]).toEqual([0, 0, 0, 0, 'cell']);
  await expect(page.getByTestId('lesson-panel')).toBeHidden();
  expect(await page.locator('main .teacher-hidden').evaluateAll((els) => els.map((e) => e.dataset.hideId))).toEqual(['cell']);
  await expect(page.getByTestId('token-strip').locator('[aria-current]')).toHaveCount(0);
  await expect(page).not.toHaveURL(/lesson|pos|trained|nonsense/);
  expect(problems).toEqual([]);
});

test('embed mode fits an 800×600 frame in a course page, with a link out', async ({ page, baseURL }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 800, height: 600 });
  for (const view of ['sentence', 'gradients', 'series']) {
    const problems = await openPage(page, `?view=${view}&lang=en&embed=1`);
    await expect(page.locator('header.top')).toBeHidden();
    await expect(page.getByTestId('open-full')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    const href = await page.getByTestId('open-full').getAttribute('href');
    if (view !== 'sentence') expect(href).toContain(`view=${view}`);
    expect(href).not.toContain('embed');
    expect(problems).toEqual([]);
  }
  // A plain course page with the playground in an iframe, as the README shows it.
  const course = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Week 5: recurrent networks</title>
<style>body{font-family:system-ui,sans-serif;max-width:860px;margin:24px auto;color:#222}iframe{border:1px solid #ccc;border-radius:8px}</style></head>
<body><h1>Week 5: recurrent networks</h1><p>Step through the sentence and watch the hidden state change.</p>
<iframe src="${baseURL}?embed=1&lang=en&pos=2" width="800" height="600" title="RNN Playground" loading="lazy"></iframe>
<p>Question: which token does the network predict after 我?</p></body></html>`;
  writeFileSync('test-results/course-page.html', course);
  await page.setViewportSize({ width: 900, height: 820 });
  await page.goto(`file://${process.cwd()}/test-results/course-page.html`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('token-1')).toHaveAttribute('aria-current', 'step');
  expect(await frame.locator('html').evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SHOTS}/embed-in-course-page.png` });
});

test('presenter mode at 1024×768: large type, settings folded, nothing cut off, keys step', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  for (const lang of ['en', 'zh']) {
    for (const view of ['sentence', 'gradients', 'series']) {
      const problems = await openPage(page, `?view=${view}&lang=${lang}&present=1`);
      await expect(page.locator(`#view-${view}`)).toHaveAttribute('data-state', 'ready');
      expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThanOrEqual(20);
      // The settings are folded away; the sentence view keeps Train (below the stage).
      await expect(page.locator(`#view-${view} .side .fields`)).toBeHidden();
      if (view === 'sentence') await expect(page.getByTestId('train')).toBeVisible();
      if (view === 'sentence') {
        await page.evaluate(() => document.activeElement?.blur());
        for (let i = 0; i < 4; i++) await page.keyboard.press('Space');
        await expect(page.getByTestId('token-3')).toHaveAttribute('aria-current', 'step');
      }
      await page.evaluate(() => window.__rnnp.drawAll());
      // Nothing wider than the screen, no part reaching past its edge, formulas whole.
      const cut = await page.evaluate(() => {
        const out = [];
        if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth}`);
        for (const el of document.querySelectorAll('main .panel, main .chart, main button, main .token, main .formula, main .vec, main table, header button')) {
          const r = el.getBoundingClientRect();
          if (r.width && (r.right > innerWidth + 0.5 || r.left < -0.5)) out.push(`${el.className || el.tagName} ${Math.round(r.left)}–${Math.round(r.right)}`);
        }
        for (const el of document.querySelectorAll('main .formula')) if (el.scrollWidth > el.clientWidth + 1) out.push(`formula scrolls ${el.scrollWidth} > ${el.clientWidth}`);
        return out;
      });
      expect(cut).toEqual([]);
      await page.getByTestId('toggle-settings').click();
      await expect(page.locator(`#view-${view} .side .fields`)).toBeVisible();
      await page.getByTestId('toggle-settings').click();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${SHOTS}/present-${view}-${lang}.png` });
      expect(problems).toEqual([]);
    }
  }
  // The menu turns it off again.
  await page.getByTestId('classroom').click();
  await page.getByTestId('present').click();
  await expect(page).not.toHaveURL(/present/);
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(16);
});

test('a printed handout: A4 pages with the formula panel, whole charts and their tables, no buttons', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const view of ['sentence', 'gradients', 'series']) {
    const problems = await openPage(page, `?view=${view}&lang=en${view === 'sentence' ? '&pos=3' : ''}`);
    await expect(page.locator(`#view-${view}`)).toHaveAttribute('data-state', 'ready');
    // (A chart still empty is not printed: the series is trained first.)
    if (view === 'series') {
      await page.getByTestId('train-series').click();
      await expect(page.getByTestId('series-status')).toContainText('Trained', { timeout: 120_000 });
    }
    await page.evaluate(() => window.__rnnp.preparePrint());
    await page.emulateMedia({ media: 'print' });
    const check = await page.evaluate(() => {
      const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const canvases = [...document.querySelectorAll('main canvas')].filter(visible);
      return {
        buttons: [...document.querySelectorAll('button')].filter(visible).map((b) => b.dataset.testid || b.textContent),
        // Each chart keeps its drawing's proportions (not squeezed, not cut).
        squeezed: canvases.filter((c) => {
          const r = c.getBoundingClientRect();
          return c.width === 0 || Math.abs(r.width / r.height - c.width / c.height) > 0.02;
        }).map((c) => c.dataset.testid),
        blank: canvases.filter((c) => c.width <= 50).map((c) => c.dataset.testid),
        charts: canvases.length,
        tables: [...document.querySelectorAll('main .data-table table')].filter(visible).length,
        formula: document.querySelector('main .formula math') !== null,
      };
    });
    expect(check.buttons).toEqual([]);
    expect(check.squeezed).toEqual([]);
    expect(check.blank).toEqual([]);
    expect(check.charts).toBeGreaterThanOrEqual(2);
    expect(check.tables).toBe(check.charts);
    if (view === 'sentence') expect(check.formula).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, path: `${SHOTS}/handout-${view}.pdf` });
    // A4 in points (595 × 842): the page size the PDF reports.
    const box = pdf.toString('latin1').match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
    // (Chromium rounds A4, 210 × 297 mm = 595.3 × 841.9 pt, to whole hundredths of an inch.)
    expect(Math.abs(Number(box[1]) - 595.3)).toBeLessThan(1);
    expect(Math.abs(Number(box[2]) - 841.9)).toBeLessThan(1);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
  }
});

/** The pages of a PDF that Chromium wrote (its page objects are not compressed). */
const pdfPages = (pdf) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;

test('the handouts: the lesson whole with every question, cells with their numbers, long tables cut down, nothing that waits for a button', async ({ page }) => {
  test.setTimeout(120_000);
  // The sentence view, trained 300 epochs, at token 3.
  let problems = await openPage(page, '?lang=en&pos=3&trained=300');
  await expect(page.getByTestId('train-status')).toContainText('Trained', { timeout: 60_000 });
  await page.evaluate(() => window.__rnnp.preparePrint());
  await page.emulateMedia({ media: 'print' });
  const sentence = await page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0;
    const cells = [...document.querySelectorAll('main .cell[data-num]')].filter(visible);
    return {
      cells: cells.length,
      numbered: cells.filter((c) => getComputedStyle(c, '::before').content === `"${c.dataset.num}"`).length,
      hover: [...document.querySelectorAll('main *')].filter((e) => visible(e) && e.children.length === 0 && /hover or focus/.test(e.textContent)).length,
      lossRows: [...document.querySelectorAll('#chart-loss-table tbody tr')].filter(visible).length,
      placeholders: [...document.querySelectorAll('main .panel[data-empty], main figure[data-empty]')].filter(visible).length,
    };
  });
  expect(sentence.cells).toBeGreaterThan(20);
  expect(sentence.numbered).toBe(sentence.cells);
  expect(sentence.hover).toBe(0);
  expect(sentence.lossRows).toBeLessThanOrEqual(26);
  expect(sentence.placeholders).toBe(0);
  const shown = await page.evaluate(() => [...document.querySelectorAll('main .cell[data-num]')].filter((c) => c.getClientRects().length > 0).map((c) => c.dataset.num));
  const sentencePdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdfPages(sentencePdf)).toBeLessThanOrEqual(6);
  // The cells' numbers are in the printed text itself, not only on the screen.
  const printed = (await pdfText(sentencePdf)).replace(/\s+/g, ' ');
  const missing = shown.filter((num) => !printed.includes(num));
  expect(shown.length).toBeGreaterThan(20);
  expect(missing, 'cell numbers not in the PDF').toEqual([]);
  await page.emulateMedia({ media: 'screen' });
  expect(problems).toEqual([]);

  // The lab before anything is run: its empty charts are not printed.
  problems = await openPage(page, '?lang=en&view=gradients');
  await expect(page.locator('#view-gradients')).toHaveAttribute('data-state', 'ready');
  await page.evaluate(() => window.__rnnp.preparePrint());
  await page.emulateMedia({ media: 'print' });
  const lab = await page.evaluate(() => ({
    empty: [...document.querySelectorAll('main figure.chart[data-empty]')].map((f) => f.getClientRects().length),
    charts: [...document.querySelectorAll('main canvas')].filter((c) => c.getClientRects().length > 0).length,
  }));
  expect(lab.empty.length).toBe(2); // training under explosion, and the comparison
  expect(lab.empty.every((n) => n === 0)).toBe(true);
  expect(lab.charts).toBeGreaterThanOrEqual(4);
  await page.emulateMedia({ media: 'screen' });

  // A chapter open: the handout has the whole lesson, each chapter with its question and answers.
  problems = await openPage(page, '?lang=en&lesson=3');
  await expect(page.locator('main > .view')).toHaveAttribute('data-state', 'ready');
  const question = await page.getByTestId('lesson-check').locator('legend').textContent();
  await page.evaluate(() => window.__rnnp.preparePrint());
  await page.emulateMedia({ media: 'print' });
  const handout = page.getByTestId('lesson-handout');
  await expect(handout).toBeVisible();
  await expect(handout.locator('.lesson-chapter')).toHaveCount(9);
  await expect(handout.locator('.question')).toHaveCount(9);
  await expect(handout.locator('.question').nth(2)).toHaveText(question);
  await expect(handout.locator('ol li')).toHaveCount(27);
  await expect(page.getByText('← → change chapter')).toBeHidden();
  await expect(page.getByTestId('lesson-check')).toBeHidden();
  const questions = await handout.locator('.question').allTextContents();
  const lessonPdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdfPages(lessonPdf)).toBeGreaterThanOrEqual(2);
  // Every chapter's question is in the printed text (compared without white space: the PDF
  // breaks lines where the page does).
  const squeeze = (s) => s.replace(/\s+/g, '');
  const lessonText = squeeze(await pdfText(lessonPdf));
  expect(questions).toHaveLength(9);
  expect(questions.filter((q) => !lessonText.includes(squeeze(q))), 'questions not in the PDF').toEqual([]);
  await page.emulateMedia({ media: 'screen' });
  expect(problems).toEqual([]);
});
