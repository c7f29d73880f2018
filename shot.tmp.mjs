import { chromium } from '@playwright/test';
const [w, h, extra, prefix] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4] || '', process.argv[5] || 'ch'];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ viewport: { width: w, height: h } });
const page = await ctx.newPage();
for (let n = 1; n <= 9; n++) {
  await page.goto(`http://localhost:4180/rnn-playground/?lang=en&lesson=${n}${extra}`);
  await page.waitForSelector('main > .view[data-state=ready]');
  await page.waitForTimeout(700);
  await page.screenshot({ path: `/tmp/${prefix}${n}.png` });
}
await browser.close();
