// Dev check of the Write view: axe-core at the projector's size in both languages with a
// small model trained and written with, and links with bad Write settings (each refused
// by name with the defaults kept). node scripts/dev/write-check.mjs BASE
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
const [, , base] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const lang of ['en', 'zh']) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${base}?view=generate&lang=${lang}&wunits=16&wseqLen=16&wbatch=4&wupdates=20&temp=2`);
  await page.waitForFunction(() => window.__rnnp);
  await page.getByTestId('write-train').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=write-step]').disabled, null, { timeout: 60000 });
  for (let i = 0; i < 5; i++) await page.getByTestId('write-step').click();
  await page.getByTestId('write-poems').click();
  await page.getByTestId('poems').locator('li').nth(4).waitFor();
  await page.getByTestId('write-save').click();
  await page.waitForTimeout(300);
  const r = await new AxeBuilder({ page }).analyze();
  console.log(lang, 'axe violations:', r.violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`), 'console errors:', errors);
  await page.evaluate(() => indexedDB.deleteDatabase('rnn-playground'));
  await context.close();
}
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto(`${base}?view=generate&lang=en&wunits=9999&corpus=poetry&temp=5&dseed=-3&wseqLen=2&prompt=`);
await page.waitForFunction(() => window.__rnnp);
console.log('bad link notice:', await page.locator('#notice [data-role=text]').textContent());
console.log('state:', JSON.stringify(await page.evaluate(() => { const s = window.__rnnp.store.get(); return { wunits: s.wunits, corpus: s.corpus, temp: s.temp, dseed: s.dseed, wseqLen: s.wseqLen }; })));
console.log('overflow:', await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth));
await browser.close();
