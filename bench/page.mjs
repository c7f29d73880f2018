// `npm run bench`, the page section: how the built site behaves on a student's phone.
//
// 1. Long tasks (PerformanceObserver 'longtask') in headless Chromium, at the phone's
//    size (390×844), with the CPU as it is and slowed down 4× (as Lighthouse's mobile
//    profile does): start-up of each view, a 300-epoch training run of the sentence view,
//    and the lab's memory comparison. Goal: no task over 50 ms.
//    - Each is measured BENCH_REPS times (default 3) as the CPU is, and every run is printed
//      with the median: the longest task of one run is the most variable figure on a shared
//      2-core machine (one descheduling of the page's thread makes a 20 ms task 50 ms).
//    - The first page a fresh browser shows in Chinese waits while Chromium's font service
//      (Linux) copies the system's Chinese font files (about 20 MB each, regular and bold)
//      into shared memory, once per browser: 20–40 ms inside that page's first layouts. A
//      phone's browser (Android) has no such service, and a student's browser has shown
//      Chinese before. That first load is measured and printed on its own; the browser then
//      shows a page of plain text (not this site) in Chinese and English, regular and bold,
//      before the runs above.
// 2. Lighthouse (mobile profile: simulated slow 4G, 4× CPU slowdown) on each view of the
//    built site, served with gzip as a static host serves it: performance score, Total
//    Blocking Time, Largest Contentful Paint, Cumulative Layout Shift. Every run is
//    printed, and the median of the runs: one run moves with the machine (a shared one
//    moves TBT by 2× minutes apart), and Lighthouse's own advice on variability is to run
//    it five times and read the median.
//
// Usage: node bench/page.mjs [chromium path] [lighthouse runs per view, default 5]
import { chromium } from '@playwright/test';
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { serveStatic } from '../scripts/serve-dist.mjs';
import { wasmCompiles } from '../scripts/wasm-compiles.mjs';

const CHROMIUM = process.argv[2] || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const RUNS = Number(process.argv[3] || 5);
const root = new URL('..', import.meta.url).pathname;
const log = (s) => process.stderr.write(`[bench] ${s}\n`);
const VIEWS = ['sentence', 'gradients', 'series', 'write'];
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
  const longest = inside.reduce((m, t) => (t.ms > m.ms ? t : m), { ms: 0, start: NaN });
  return {
    count: inside.length,
    longest: longest.ms,
    at: longest.start - from,
    blocking: inside.reduce((s, t) => s + Math.max(0, t.ms - 50), 0),
  };
}

/** A page of plain text in the system's fonts, Chinese and Latin, regular and bold: what any
 * Chinese page makes the browser's font service load once. Not this site's code or files. */
async function warmFontService(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true });
  const page = await context.newPage();
  await page.setContent('<p lang="zh" style="font-family: system-ui, sans-serif">循环神经网络 RNN <b>循环神经网络 RNN</b></p><p style="font-family: system-ui, sans-serif">Recurrent <b>network</b></p>');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await context.close();
}

/** This machine's CPU time so far, and the part of it its host took (steal), from /proc/stat; null where that is missing. */
function cpuTimes() {
  try {
    const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const n = f.slice(0, 8).map(Number);
    return { steal: n[7], total: n.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}
/** The share of the CPU time since `before` that the host took. */
const stealSince = (before) => {
  const now = cpuTimes();
  return before && now && now.total > before.total ? (now.steal - before.steal) / (now.total - before.total) : null;
};

/**
 * The longest task of the page's main thread in a trace (category `toplevel`, one event per
 * task), with its own CPU time: a task much longer than its CPU time waited for the CPU
 * (the host's other machines, the browser's other threads), not for the page's work.
 */
function longestTraced(buffer) {
  const { traceEvents } = JSON.parse(buffer.toString());
  const tasksOf = (m) => traceEvents.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  const mains = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(tasksOf);
  const tasks = mains.sort((a, b) => b.length - a.length)[0] ?? [];
  const longest = tasks.reduce((m, t) => (t.dur > (m?.dur ?? 0) ? t : m), null);
  return longest ? { wall: longest.dur / 1000, cpu: (longest.tdur ?? NaN) / 1000 } : { wall: 0, cpu: 0 };
}

/** The built site at `query`, opened as a phone with the CPU slowed down `slowdown` times, recording long tasks (and a trace, if `trace`). */
async function openPhonePage(browser, slowdown, query, { trace = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(observeLongTasks);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  if (trace) await browser.startTracing(page, { categories: ['toplevel'] });
  await page.goto(`${base}${query}`);
  // Playwright's own helpers (waitForFunction, locators) put a large script into the page
  // the first time they are used, a long task of its own (116 ms with the CPU 4× slower):
  // the start-up is watched with the protocol's bare evaluation instead, and the actions
  // below use a locator once before their measurement begins.
  const ask = async (expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;
  while (!(await ask('Boolean(window.__rnnp)'))) await new Promise((r) => setTimeout(r, 100));
  return { context, page, tasks: async () => JSON.parse(await ask('JSON.stringify(window.__longTasks)')) };
}

/** A view's start-up: from navigation until the page has settled (two seconds with nothing to do). */
async function startUp(browser, slowdown, view) {
  const before = cpuTimes();
  const { context, page, tasks } = await openPhonePage(browser, slowdown, `?lang=zh&view=${view}`, { trace: true });
  await page.waitForTimeout(2000);
  const s = summarise(await tasks());
  const traced = longestTraced(await browser.stopTracing());
  await context.close();
  return { ...s, traced, steal: stealSince(before) };
}

/** From a click on `button` until `done` holds; the summary has the action's length in `ms`. */
async function action(browser, slowdown, query, button, done) {
  const { context, page } = await openPhonePage(browser, slowdown, query);
  await page.getByTestId(button).waitFor();
  await page.waitForTimeout(1000);
  const before = cpuTimes();
  await browser.startTracing(page, { categories: ['toplevel'] });
  const from = await page.evaluate(() => performance.now());
  await page.getByTestId(button).click();
  await done(page);
  const to = await page.evaluate(() => performance.now());
  const traced = longestTraced(await browser.stopTracing());
  const s = summarise(await page.evaluate(() => window.__longTasks), from, to);
  await context.close();
  return { ...s, ms: to - from, traced, steal: stealSince(before) };
}

const SCENARIOS = [
  ...VIEWS.map((view) => ({ what: `start-up, ${view} view`, run: (b, slow) => startUp(b, slow, view) })),
  {
    what: 'sentence view, training 300 epochs',
    run: (b, slow) => action(b, slow, '?lang=en&epochs=300', 'train', (p) => p.getByTestId('train-status').filter({ hasText: 'Trained' }).waitFor({ timeout: 120_000 })),
  },
  {
    what: 'gradient lab, memory comparison',
    run: (b, slow) => action(b, slow, '?lang=en&view=gradients', 'race', (p) => p.getByTestId('race').filter({ hasText: /^Compare$/ }).waitFor({ timeout: 300_000 })),
  },
];

/** Every scenario `reps` times, taken in turn (so that a busy minute of the machine falls on different ones). */
async function longTasks(browser, slowdown, reps) {
  const runs = SCENARIOS.map(() => []);
  for (let r = 0; r < reps; r++) {
    for (const [i, sc] of SCENARIOS.entries()) runs[i].push(await sc.run(browser, slowdown));
  }
  return SCENARIOS.map((sc, i) => ({ what: sc.what, runs: runs[i] }));
}

/** One table row: the longest task of each run (with when it began, ms after the start), and their median. */
function longTaskRow({ what, runs }) {
  const took = runs.some((r) => r.ms) ? ` (${runs.map((r) => fmt(r.ms)).join(' / ')} ms)` : '';
  const longest = runs.map((r) => (r.longest ? `${fmt(r.longest)} at ${fmt(r.at)}` : '0')).join(' / ');
  const traced = runs.map((r) => `${fmt(r.traced.wall)} (${fmt(r.traced.cpu)})`).join(' / ');
  const steal = runs.map((r) => (r.steal == null ? '–' : `${fmt(100 * r.steal)}%`)).join(' / ');
  return `| ${what}${took} | **${fmt(median(runs.map((r) => r.longest)))}** | ${longest} | ${runs.map((r) => r.count).join(' / ')} | ${runs.map((r) => fmt(r.blocking)).join(' / ')} | ${traced} | ${steal} |`;
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
  if (process.env.BENCH_LONGTASKS !== '0') {
    log('long tasks: the first page of a fresh browser');
    const fresh = { what: 'start-up, sentence view, the first page this browser shows', runs: [await startUp(browser, 1, 'sentence')] };
    await warmFontService(browser);
    const reps = Number(process.env.BENCH_REPS || 3);
    const header = '| what | median of the runs\' longest (ms) | longest task of each run (ms, at ms from its start) | long tasks per run | blocking time over 50 ms per run (ms) | longest task in the trace (its own CPU time), ms | the host\'s share of the CPU (steal) |';
    for (const slowdown of [1, 4]) {
      log(`long tasks, CPU slowdown ${slowdown}×`);
      const n = slowdown === 1 ? reps : 1;
      const rows = await longTasks(browser, slowdown, n);
      lines.push(`### Long tasks in headless Chromium at 390×844, CPU ${slowdown === 1 ? 'as it is' : `slowed down ${slowdown}×`}, ${n} run(s) each (goal: none over 50 ms)`, '');
      lines.push('The longtask observer sees tasks of 50 ms and more: 0 means none. The trace (category `toplevel`, recorded in the same run) gives the longest task of the page\'s main thread whatever its length, and the CPU time that thread itself spent in it: the rest of the task it waited for a CPU. Steal: the share of this machine\'s CPU time its host took during the run (`/proc/stat`).', '');
      lines.push(header, '|---|---:|---|---|---|---|---|');
      for (const r of rows) lines.push(longTaskRow(r));
      if (slowdown === 1) {
        const over = rows.filter((r) => median(r.runs.map((x) => x.longest)) >= 50).map((r) => r.what);
        const anyRun = rows.filter((r) => r.runs.some((x) => x.longest >= 50)).map((r) => r.what);
        lines.push('', over.length ? `Goal missed by the median: ${over.join('; ')}.` : 'No task of 50 ms or more by the median of the runs, in every scenario.');
        lines.push(anyRun.length ? `A run with a long task: ${anyRun.join('; ')}.` : 'No long task in any run.');
        lines.push('', 'Before these runs, the first page a fresh browser shows (its font service loads the Chinese font; see the header of bench/page.mjs):', '', header, '|---|---:|---|---|---|---|---|', longTaskRow(fresh));
      }
      lines.push('');
    }
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
