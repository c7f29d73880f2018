import { chromium } from '@playwright/test';
const [, , base, lang = 'en', w = '1280', h = '800', chapters = '1,2,3,4,5,6,7,8,9'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log('console:', m.type(), m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(`${base}?lang=${lang}`);
await page.waitForFunction(() => window.__rnnp, null, { timeout: 15000 });
await page.click('[data-testid="lesson"]');
await page.waitForSelector('[data-testid="lesson-panel"]:not([hidden])');
for (const n of chapters.split(',').map(Number)) {
  const cur = await page.evaluate(() => window.__rnnp.store.get().lesson);
  if (cur !== n) await page.evaluate((n) => window.__rnnp.openLesson().then((l) => l.go(n)), n);
  await page.waitForTimeout(1200);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `/tmp/s/lesson-${lang}-${w}-${n}.png` });
  console.log(n, page.url().replace(base, ''));
}
await browser.close();
