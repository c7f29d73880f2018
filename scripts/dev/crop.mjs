// Crops a screenshot to a region (to look at part of a long full-page picture):
// node scripts/dev/crop.mjs IN OUT X Y W H
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [, , input, out, x, y, w, h] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h } });
const data = readFileSync(input).toString('base64');
await page.setContent(`<body style="margin:0;overflow:hidden"><img src="data:image/png;base64,${data}" style="position:absolute;left:${-x}px;top:${-y}px"></body>`);
await page.screenshot({ path: out });
await browser.close();
