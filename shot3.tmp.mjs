import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
const page = await ctx.newPage();
const text = encodeURIComponent(process.argv[2] || '春眠不觉晓处处闻啼鸟夜来风雨声花落知多少白日依山尽黄河入海流欲穷千里目更上一层楼床前明月光疑是地上霜举头望明月低头思故乡好');
await page.goto(`http://localhost:4180/rnn-playground/?lang=zh&tokenize=chars&text=${text}&pos=40`);
await page.waitForSelector('main > .view[data-state=ready]');
for (const id of ['chart-units', 'chart-hidden']) {
  const c = page.getByTestId(id);
  await c.scrollIntoViewIfNeeded();
  await page.waitForTimeout(400);
  await c.screenshot({ path: `/tmp/${id}.png` });
}
await browser.close();
