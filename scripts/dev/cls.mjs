// Dev tool: the layout shifts of a page load at phone size (value, and the nodes that moved).
// node scripts/dev/cls.mjs URL [width height]
import { chromium } from '@playwright/test';
const [, , url, w = '412', h = '823'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: +w, height: +h }, deviceScaleFactor: 1.75, isMobile: true, serviceWorkers: 'block' });
const page = await context.newPage();
await page.addInitScript(() => {
  window.__shifts = [];
  const name = (n) => (n ? `${n.nodeName.toLowerCase()}${n.className ? '.' + String(n.className).split(' ')[0] : ''}${n.dataset?.role ? '[' + n.dataset.role + ']' : ''}${n.dataset?.testid ? '{' + n.dataset.testid + '}' : ''}` : '?');
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__shifts.push({ t: Math.round(e.startTime), v: e.value.toFixed(4), who: e.sources.map((s) => `${name(s.node)} x${s.previousRect.x}→${s.currentRect.x} y${s.previousRect.y}→${s.currentRect.y} w${s.previousRect.width}→${s.currentRect.width} h${s.previousRect.height}→${s.currentRect.height}`).join('; ') });
  }).observe({ type: 'layout-shift', buffered: true });
});
await page.goto(url);
await page.waitForFunction(() => window.__rnnp);
await page.waitForTimeout(1500);
console.log((await page.evaluate(() => window.__shifts)).map((e) => `${e.t} ${e.v} ${e.who}`).join('\n'));
await browser.close();
