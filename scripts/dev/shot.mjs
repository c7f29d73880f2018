// A screenshot of the page, for looking at a change (not part of the tests).
// Usage: node scripts/dev/shot.mjs URL OUT.png [steps] [width] [height] [script] [full]
//   steps: Step presses in the sentence view; script: JavaScript evaluated in the page
//   (a promise is awaited); full: "viewport" for the window only, else the whole page.
// Serve the build first, e.g. `node scripts/serve-dist.mjs 4180 /rnn-playground/`.
import { chromium } from '@playwright/test';

const [, , url, out, steps = '0', w = '1280', h = '800', script = '', full = 'full'] = process.argv;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('page error:', e.message));
await page.goto(url);
await page.waitForFunction(() => window.__rnnp);
for (let i = 0; i < +steps; i++) await page.click('[data-testid=step]');
if (script) await page.evaluate(script);
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: full !== 'viewport' });
await browser.close();
