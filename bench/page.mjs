// `npm run bench`, the page section: how the built site behaves on a student's phone.
//
// 1. Long tasks (PerformanceObserver 'longtask') in headless Chromium, at the phone's
//    size (390×844), with the CPU as it is and slowed down 4× (as Lighthouse's mobile
//    profile does): start-up of each view, a 300-epoch training run of the sentence view,
//    and the lab's memory comparison. Goal: no task over 50 ms.
// 2. Lighthouse (mobile profile: simulated slow 4G, 4× CPU slowdown) on each view of the
//    built site, served with gzip as a static host serves it: performance score, Total
//    Blocking Time, Largest Contentful Paint, Cumulative Layout Shift. Every run is
//    printed, and the median of the runs: one run moves with the machine (a shared one
//    moves TBT by 2× minutes apart), and Lighthouse's own advice on variability is to run
//    it five times and read the median.
//
// Usage: node bench/page.mjs [chromium path] [lighthouse runs per view, default 5]
import { chromium } from '@playwright/test';
import { writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { serveStatic } from '../scripts/serve-dist.mjs';
import { wasmCompiles } from '../scripts/wasm-compiles.mjs';

const CHROMIUM = process.argv[2] || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RUNS = Number(process.argv[3] || 5);
const root = new URL('..', import.meta.url).pathname;
const log = (s) => process.stderr.write(`[bench] ${s}\n`);
const VIEWS = ['sentence', 'gradients', 'series', 'generate'];
/** The middle value (the mean of the two middle ones for an even count). */
const median = (values) => {
  const v = [...values].sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};
const fmt = (v, d = 0) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

const server = await serveStatic({ port: 0, folder: () => `${root}dist` });
const base = `http://127.0.0.1:${server.address().port}/rnn-playground/`;

/** Records every long task from the first moment of the page. */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The long tasks between `from` and `to` (ms since navigation): count, longest, and the blocking time over 50 ms. */
function summarise(tasks, from = 0, to = Infinity) {
  const inside = tasks.filter((t) => t.start >= from && t.start < to);
  return {
    count: inside.length,
    longest: inside.reduce((m, t) => Math.max(m, t.ms), 0),
    blocking: inside.reduce((s, t) => s + Math.max(0, t.ms - 50), 0),
  };
}

async function longTasks(browser, slowdown) {
  const rows = [];
  const open = async (query) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.addInitScript(observeLongTasks);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    await page.goto(`${base}${query}`);
    // Playwright's own helpers (waitForFunction, locators) put a large script into the page
    // the first time they are used, a long task of its own (116 ms with the CPU 4× slower):
    // the start-up is watched with the protocol's bare evaluation instead, and the actions
    // below use a locator once before their measurement begins.
    const ask = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
    while (!(await ask('Boolean(window.__rnnp)'))) await new Promise((r) => setTimeout(r, 100));
    return { context, page, tasks: async () => JSON.parse(await ask('JSON.stringify(window.__longTasks)')) };
  };
  for (const view of VIEWS) {
    const { context, page, tasks } = await open(`?lang=zh&view=${view}`);
    // Start-up ends when the page has settled: two seconds with nothing to do.
    await page.waitForTimeout(2000);
    const s = summarise(await tasks());
    rows.push({ what: `start-up, ${view} view`, ...s });
    await context.close();
  }
  {
    const { context, page } = await open('?lang=en&epochs=300');
    await page.getByTestId('train').waitFor();
    await page.waitForTimeout(1000);
    const from = await page.evaluate(() => performance.now());
    await page.getByTestId('train').click();
    await page.getByTestId('train-status').filter({ hasText: 'Trained' }).waitFor({ timeout: 120_000 });
    const to = await page.evaluate(() => performance.now());
    rows.push({ what: `sentence view, training 300 epochs (${fmt(to - from)} ms)`, ...summarise(await page.evaluate(() => window.__longTasks), from, to) });
    await context.close();
  }
  {
    const { context, page } = await open('?lang=en&view=gradients');
    await page.getByTestId('race').waitFor();
    await page.waitForTimeout(1000);
    const from = await page.evaluate(() => performance.now());
    await page.getByTestId('race').click();
    await page.getByTestId('race').filter({ hasText: /^Compare$/ }).waitFor({ timeout: 300_000 });
    const to = await page.evaluate(() => performance.now());
    rows.push({ what: `gradient lab, memory comparison (${fmt(to - from)} ms)`, ...summarise(await page.evaluate(() => window.__longTasks), from, to) });
    await context.close();
  }
  return rows;
}

/**
 * Where the engine's code is compiled while each view starts: V8 compiles a WebAssembly
 * function on its first call, on the calling thread, and the worker runs each view's
 * start-up first (www/jobs/warm.js) so that the page's thread finds it compiled. Counted
 * from a trace ('wasm.CompileLazy' events), at the phone's size, CPU as it is.
 */
async function compileRows(browser) {
  const rows = [];
  for (const view of VIEWS) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
    const page = await context.newPage();
    await browser.startTracing(page, { categories: ['v8.wasm', 'devtools.timeline'] });
    await page.goto(`${base}?lang=zh&view=${view}`);
    await page.locator('.view[data-state="ready"]').waitFor();
    await page.waitForTimeout(2000);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    await context.close();
    const c = wasmCompiles(traceEvents);
    rows.push({ view, page: c.onPage, pageMs: c.onPageMs, elsewhere: c.elsewhere });
  }
  return rows;
}

async function lighthouseRows() {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const rows = [];
  // The three views, and the lesson open at a chapter (its panel and its chunk).
  for (const view of [...VIEWS, 'lesson']) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
      try {
        const query = view === 'lesson' ? '?lesson=4&pos=4&hide=gradcheck,train&lang=zh' : `?view=${view}&lang=zh`;
        const { lhr } = await lighthouse(`${base}${query}`, { port: chrome.port, onlyCategories: ['performance', 'accessibility'], logLevel: 'error', output: 'json' });
        const a = lhr.audits;
        runs.push({
          score: Math.round(lhr.categories.performance.score * 100),
          a11y: Math.round(lhr.categories.accessibility.score * 100),
          tbt: a['total-blocking-time'].numericValue,
          lcp: a['largest-contentful-paint'].numericValue,
          fcp: a['first-contentful-paint'].numericValue,
          cls: a['cumulative-layout-shift'].numericValue,
          bytes: a['total-byte-weight'].numericValue,
        });
      } finally {
        await chrome.kill();
      }
    }
    rows.push({ view, runs });
  }
  return rows;
}

const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores; the built site served with gzip from a sub-path.`, '');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (const slowdown of process.env.BENCH_LONGTASKS === '0' ? [] : [1, 4]) {
    log(`long tasks, CPU slowdown ${slowdown}×`);
    const rows = await longTasks(browser, slowdown);
    lines.push(`### Long tasks in headless Chromium at 390×844, CPU ${slowdown === 1 ? 'as it is' : `slowed down ${slowdown}×`} (goal: none over 50 ms)`, '');
    lines.push('| what | long tasks | longest (ms) | blocking time over 50 ms (ms) |', '|---|---:|---:|---:|');
    for (const r of rows) lines.push(`| ${r.what} | ${r.count} | ${fmt(r.longest)} | ${fmt(r.blocking)} |`);
    lines.push('');
  }
  log('engine code compiled at start-up');
  lines.push('### Engine functions compiled lazily while each view starts, on the page and in the worker (headless Chromium, 390×844, CPU as it is)', '');
  lines.push('| view | on the page | on the page (ms) | in the worker |', '|---|---:|---:|---:|');
  for (const r of await compileRows(browser)) lines.push(`| ${r.view} | ${r.page} | ${fmt(r.pageMs, 1)} | ${r.elsewhere} |`);
  lines.push('');
} finally {
  await browser.close();
}
if (process.env.BENCH_LIGHTHOUSE !== '0') {
  log(`Lighthouse, mobile profile, ${RUNS} run(s) per view`);
  const rows = await lighthouseRows();
  lines.push(`### Lighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile profile (simulated slow 4G, 4× CPU slowdown), ${RUNS} run(s) per view (goal: performance ≥ 90, accessibility 100, TBT < 200 ms, LCP < 2.5 s, CLS < 0.1)`, '');
  lines.push('Each cell: the median of the runs, then every run.', '');
  lines.push('| view | performance | accessibility | TBT (ms) | LCP (s) | FCP (s) | CLS | bytes (KB) |', '|---|---:|---:|---:|---:|---:|---:|---:|');
  const missed = [];
  for (const { view, runs } of rows) {
    const cell = (k, f) => `**${f(median(runs.map((r) => r[k])))}** (${runs.map((r) => f(r[k])).join(' / ')})`;
    lines.push(`| ${view} | ${cell('score', (v) => fmt(v))} | ${cell('a11y', (v) => fmt(v))} | ${cell('tbt', (v) => fmt(v))} | ${cell('lcp', (v) => fmt(v / 1000, 2))} | ${cell('fcp', (v) => fmt(v / 1000, 2))} | ${cell('cls', (v) => fmt(v, 3))} | ${cell('bytes', (v) => fmt(v / 1024))} |`);
    const m = (k) => median(runs.map((r) => r[k]));
    const goals = [['performance ≥ 90', m('score') >= 90], ['accessibility 100', m('a11y') === 100], ['TBT < 200 ms', m('tbt') < 200], ['LCP < 2.5 s', m('lcp') < 2500], ['CLS < 0.1', m('cls') < 0.1], ['under 300 KB', Math.max(...runs.map((r) => r.bytes)) <= 300 * 1024]];
    for (const [goal, ok] of goals) if (!ok) missed.push(`${view}: ${goal}`);
  }
  lines.push('', missed.length ? `Goals missed by the median: ${missed.join('; ')}.` : 'Every goal is met by the median of the runs on every view (bytes: by every run).', '');
}
server.close();
const table = lines.join('\n');
console.log(table);
mkdirSync(`${root}target/bench`, { recursive: true });
writeFileSync(`${root}target/bench/page.md`, `${table}\n`);
