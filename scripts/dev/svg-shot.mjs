// Opens a chart's SVG export in the browser, as a user would after downloading it.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [, , url, id, out] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1000, height: 700 } });
await page.goto(url);
await page.waitForFunction(() => window.__rnnp);
await page.waitForTimeout(1000);
await page.getByTestId(`chart-${id}`).scrollIntoViewIfNeeded();
await page.getByTestId(`export-${id}`).click();
const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${id}-svg`).click()]);
const svg = readFileSync(await d.path(), 'utf8');
const view = await browser.newPage({ viewport: { width: 1000, height: 700 } });
await view.goto(`file://${await d.path()}`.replace(/$/, ''));
await view.setContent(`<body style="margin:0;background:#fff">${svg}</body>`);
await view.screenshot({ path: out });
console.log(d.suggestedFilename(), svg.length, 'bytes');
await browser.close();
