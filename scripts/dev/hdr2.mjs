import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 }, isMobile: true, deviceScaleFactor: 1.75 });
await page.addInitScript(() => {
  window.__h = [];
  const tick = () => {
    const h = document.querySelector('header');
    const b = document.querySelector('[data-testid=lang]');
    if (h) window.__h.push([Math.round(performance.now()), h.offsetHeight, b.offsetTop, b.textContent, getComputedStyle(h).display, document.styleSheets.length]);
    if (performance.now() < 1500) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
await page.goto(process.argv[2]);
await page.waitForTimeout(1600);
const h = await page.evaluate(() => window.__h);
let last = '';
for (const x of h) { const k = JSON.stringify(x.slice(1)); if (k !== last) console.log(JSON.stringify(x)); last = k; }
await browser.close();
