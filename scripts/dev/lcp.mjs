// Dev tool: every LCP candidate of a page load (time, size, element) at phone size.
// node scripts/dev/lcp.mjs URL
import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, serviceWorkers: 'block' });
const page = await context.newPage();
await page.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__lcp.push({ t: Math.round(e.startTime), size: e.size, el: e.element ? `${e.element.tagName.toLowerCase()}.${e.element.className} ${e.element.dataset?.role || ''} «${e.element.textContent.slice(0, 40)}»` : '?' });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
});
await page.goto(process.argv[2]);
await page.waitForFunction(() => window.__rnnp);
await page.waitForTimeout(1500);
console.log((await page.evaluate(() => window.__lcp)).map((e) => `${e.t} ${e.size} ${e.el}`).join('\n'));
await browser.close();
