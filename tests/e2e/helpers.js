// Shared helpers of the end-to-end tests.
import { expect } from '@playwright/test';

/**
 * Opens the page and records console errors and failed requests, which every test
 * checks at its end (a page that logs errors is broken even if it looks fine).
 */
export async function openPage(page, query = '') {
  // Opening a second page in the same tab keeps the listeners and starts a new list.
  if (page.__problems) {
    page.__problems.length = 0;
    await page.goto(`./${query}`);
    await page.waitForFunction(() => window.__rnnp);
    return page.__problems;
  }
  const problems = [];
  page.__problems = problems;
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A request the browser aborts because the test opened another page is not the page's
  // problem (the worker's script, fetched in idle time, is often in flight then).
  page.on('requestfailed', (r) => r.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  // The built page runs under its Content-Security-Policy: any violation is a problem.
  await page.exposeFunction('__reportCsp', (text) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(`./${query}`);
  await page.waitForFunction(() => window.__rnnp);
  return problems;
}

/**
 * Scrolls a chart into view and waits two frames: a chart is drawn in the frame after a
 * change, and only once it is near the screen (www/ui/drawing.js), as a reader sees it.
 */
export async function seeChart(page, testid) {
  const canvas = page.getByTestId(testid);
  await canvas.scrollIntoViewIfNeeded();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return canvas;
}

/** A full-page screenshot with every chart drawn (those below the screen too). */
export async function fullShot(page, path) {
  await page.evaluate(() => window.__rnnp.drawAll());
  await page.screenshot({ path, fullPage: true });
}

/** Number of canvas pixels that differ from the background colour of the corner. */
export async function inkPixels(page, testid) {
  return (await seeChart(page, testid)).evaluate((canvas) => {
    const ctx = canvas.getContext('2d');
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const [r0, g0, b0] = [data[0], data[1], data[2]];
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r0) + Math.abs(data[i + 1] - g0) + Math.abs(data[i + 2] - b0) > 30) n++;
    return n;
  });
}

/** A hash of a canvas's pixels, to see that a chart changed. */
export async function canvasHash(page, testid) {
  return (await seeChart(page, testid)).evaluate((canvas) => {
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let h = 2166136261;
    for (let i = 0; i < data.length; i += 7) h = Math.imul(h ^ data[i], 16777619);
    return h >>> 0;
  });
}

/** The text of a PDF (page.pdf's), page after page, as a reader's copy would have it. */
export async function pdfText(buffer) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(buffer), disableFontFace: true }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const { items } = await (await doc.getPage(i)).getTextContent();
    text += `${items.map((it) => it.str + (it.hasEOL ? '\n' : '')).join('')}\n`;
  }
  await doc.destroy();
  return text;
}
