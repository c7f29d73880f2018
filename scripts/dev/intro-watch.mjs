import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 412, height: 823 }, isMobile: true, deviceScaleFactor: 1.75 });
await page.addInitScript(() => {
  window.__log = [];
  const tick = () => {
    const p = document.querySelector('.lead.intro');
    if (p) window.__log.push([Math.round(performance.now()), p.offsetHeight, p.getBoundingClientRect().top, p.getBoundingClientRect().width, p.getClientRects().length, p.querySelectorAll("sub").length, getComputedStyle(p).lineHeight, getComputedStyle(p).fontFamily.slice(0, 30), p.closest('.view')?.dataset.state]);
    if (performance.now() < 1500) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
await page.goto(process.argv[2]);
await page.waitForTimeout(1600);
let last = '';
for (const x of await page.evaluate(() => window.__log)) { const k = JSON.stringify(x.slice(1)); if (k !== last) console.log(JSON.stringify(x)); last = k; }
await browser.close();
