// Screenshots of every view, in both languages, at a phone, a projector and a laptop size,
// for looking at the page (not part of the tests). Serve dist/ first.
// Usage: node scripts/dev/shots.mjs BASE_URL OUT_DIR [query]
import { chromium } from '@playwright/test';
import { mkdirSync } from 'node:fs';

const [, , base = 'http://127.0.0.1:4180/rnn-playground/', out = '/tmp/shots', extra = ''] = process.argv;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [w, h] of [[390, 844], [1024, 768], [1280, 800]]) {
  for (const lang of ['en', 'zh']) {
    for (const view of ['sentence', 'gradients', 'series']) {
      const page = await browser.newPage({ viewport: { width: w, height: h } });
      page.on('pageerror', (e) => console.log(view, lang, w, 'page error:', e.message));
      await page.goto(`${base}?view=${view}&lang=${lang}${extra}`);
      await page.waitForFunction(() => window.__rnnp);
      if (view === 'sentence') for (let i = 0; i < 4; i++) await page.click('[data-testid=step]');
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${out}/${view}-${lang}-${w}.png`, fullPage: true });
      await page.close();
    }
  }
}
await browser.close();
