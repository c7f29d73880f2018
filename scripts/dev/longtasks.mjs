// Dev tool: the bench's long-task scenarios, repeated, with every task over `min` ms and
// when the view's state changed (skeleton → opening → ready), so that a long task in the
// bench can be told apart: a layout of the opening, a chart, a collection, a compile.
// Usage: node scripts/dev/longtasks.mjs BASE [reps=3] [min=30] [scenarios=sentence,gradients,series,generate,train,race]
import { chromium } from '@playwright/test';

const [, , base, reps = '3', min = '30', which = 'sentence,gradients,series,generate,train,race'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

function watch() {
  window.__tasks = [];
  window.__marks = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  new MutationObserver((ms) => {
    for (const m of ms) if (m.attributeName === 'data-state' && m.target.classList?.contains('view')) window.__marks.push([Math.round(performance.now()), `${m.target.dataset.view ?? m.target.id}:${m.target.dataset.state}`]);
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
}

async function open(query) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(watch);
  const cdp = await context.newCDPSession(page);
  await page.goto(`${base}${query}`);
  const ask = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  while (!(await ask('Boolean(window.__rnnp)'))) await new Promise((r) => setTimeout(r, 100));
  return { context, page, read: async () => JSON.parse(await ask('JSON.stringify([window.__tasks, window.__marks])')) };
}

const show = (name, tasks, marks, from = 0, to = Infinity) => {
  const inside = tasks.filter(([s]) => s >= from && s < to);
  const longest = Math.max(0, ...inside.map(([, d]) => d));
  const listed = inside.filter(([, d]) => d >= Number(min)).map(([s, d]) => `${d}@${s - Math.round(from)}`).join(' ');
  console.log(`${name.padEnd(10)} longest ${String(longest).padStart(3)}  ${listed}${marks ? `  | ${marks.map(([t, m]) => `${m}@${t}`).join(' ')}` : ''}`);
};

for (let r = 0; r < Number(reps); r++) {
  for (const s of which.split(',')) {
    if (['sentence', 'gradients', 'series', 'generate'].includes(s)) {
      const { context, page, read } = await open(`?lang=zh&view=${s}`);
      await page.waitForTimeout(2000);
      const [tasks, marks] = await read();
      show(s, tasks, marks);
      await context.close();
    } else {
      const [query, id, done] = s === 'train' ? ['?lang=en&epochs=300', 'train', async (p) => p.getByTestId('train-status').filter({ hasText: 'Trained' }).waitFor({ timeout: 120_000 })]
        : ['?lang=en&view=gradients', 'race', async (p) => p.getByTestId('race').filter({ hasText: /^Compare$/ }).waitFor({ timeout: 300_000 })];
      const { context, page } = await open(query);
      await page.getByTestId(id).waitFor();
      await page.waitForTimeout(1000);
      const from = await page.evaluate(() => performance.now());
      await page.getByTestId(id).click();
      await done(page);
      const to = await page.evaluate(() => performance.now());
      const [tasks] = await page.evaluate(() => [window.__tasks, window.__marks]);
      show(`${s} ${Math.round(to - from)}ms`, tasks, null, from, to);
      await context.close();
    }
  }
}
await browser.close();
