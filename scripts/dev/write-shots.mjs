// Screenshots of the Write view for a person to look at: training under way (after
// `secs` seconds of the default model), then paused, writing 30 characters with the top
// ten, and five poems. node scripts/dev/write-shots.mjs BASE LANG W H SECS OUTDIR
import { chromium } from '@playwright/test';
const [, , base, lang = 'en', w = '1280', h = '800', secs = '30', out = '/tmp'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text().slice(0, 300)));
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(`${base}?view=generate&lang=${lang}`);
await page.waitForSelector('#view-generate[data-state=ready]', { timeout: 20000 });
await page.getByTestId('write-train').click();
await page.waitForTimeout(+secs * 1000);
await page.evaluate(() => window.__rnnp.drawAll());
await page.screenshot({ path: `${out}/write-training-${lang}-${w}.png`, fullPage: true });
await page.getByTestId('write-train').click();
await page.getByTestId('write-step').waitFor({ state: 'visible' });
await page.waitForFunction(() => !document.querySelector('[data-testid=write-step]').disabled);
for (let i = 0; i < 30; i++) await page.getByTestId('write-step').click();
await page.getByTestId('write-poems').click();
await page.getByTestId('poems').locator('li').nth(4).waitFor();
console.log(await page.getByTestId('write-status').textContent());
console.log('pen:', await page.getByTestId('pen-text').textContent());
console.log('poems:\n' + (await page.getByTestId('poems').innerText()));
await page.getByTestId('pen-text').scrollIntoViewIfNeeded();
await page.evaluate(() => window.__rnnp.drawAll());
await page.screenshot({ path: `${out}/write-pen-${lang}-${w}.png`, fullPage: false });
await page.screenshot({ path: `${out}/write-all-${lang}-${w}.png`, fullPage: true });
await browser.close();
