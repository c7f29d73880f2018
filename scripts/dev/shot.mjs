// One screenshot of a page, for looking at a change (not part of the tests).
// Usage: node scripts/dev/shot.mjs URL OUT.png [WxH] [script] [viewport|full|X,Y,W,H]
//   script: JavaScript evaluated in the page once the view is ready (a promise is awaited);
//   the last argument takes the window only, the whole page (the default) or a region of it.
import { openPage, openView } from './browser.mjs';

const [, , url, out, size = '1280x800', script = '', area = 'full'] = process.argv;
const [width, height] = size.split('x').map(Number);
const { browser, page } = await openPage({ width, height });
await openView(page, url);
if (script) await page.evaluate(script);
await page.waitForTimeout(500);
const [x, y, w, h] = area.split(',').map(Number);
await page.screenshot({ path: out, fullPage: area !== 'viewport', ...(area.includes(',') ? { clip: { x, y, width: w, height: h } } : {}) });
await browser.close();
