// `npm run bench`, the Write view section (issue 15): does the character model learn in
// the page, how fast does the page's worker train it against the same engine in Node, and
// does the page stay responsive while it trains.
//
// 1. In headless Chromium (1280×800, CPU as it is), the Write view trains its default
//    model (LSTM of 128 units on the bundled Tang poems, windows of 48, batches of 16,
//    Adam 0.005) for the default 600 updates in its worker. Printed: the wall time, the
//    held-out loss against the unigram baseline and ln V (nats and bits per character),
//    the worker's training throughput (training time only), and the longest main-thread
//    task while it trained (PerformanceObserver 'longtask').
// 2. The same model and settings trained in Node through the same wasm module: updates
//    per second, and the worker's share of it.
// 3. The trained model writes 60 poems (T 0.8) with the page's "Write 5 poems": the share
//    of their lines (split at ，。？！； and line breaks) with 5 or 7 characters, against the
//    same share after shuffling their characters (20 shuffles), and in the corpus itself.
//
// Usage: node bench/write.mjs [chromium path]
import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { serveStatic } from '../scripts/serve-dist.mjs';
import engine from '../tests/wasm/load.mjs';

const CHROMIUM = process.argv[2] || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const root = new URL('..', import.meta.url).pathname;
const log = (s) => process.stderr.write(`[bench] ${s}\n`);
const f = (v, d = 3) => v.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** Lines (split where a line of verse ends) and how many have 5 or 7 characters: VerseForm in tests/writing.rs. */
function verseForm(text) {
  const seg = new Intl.Segmenter();
  let lines = 0;
  let good = 0;
  for (const line of text.split(/[，。？！；\n]/)) {
    const n = [...seg.segment(line)].length;
    if (!n) continue;
    lines++;
    if (n === 5 || n === 7) good++;
  }
  return { lines, good, share: lines ? good / lines : 0 };
}

/** A seeded shuffle (mulberry32), so the baseline is the same every run. */
function shuffled(text, seed) {
  const chars = [...new Intl.Segmenter().segment(text)].map((s) => s.segment);
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = chars.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

const server = await serveStatic({ port: 0, folder: () => `${root}dist` });
const base = `http://127.0.0.1:${server.address().port}/rnn-playground/`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
const page = await context.newPage();
await page.addInitScript(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
});
await page.goto(`${base}?view=write&lang=en`);
await page.waitForFunction(() => window.__rnnp?.views.write?.debug.infoFor?.());
const settings = await page.evaluate(() => {
  const s = window.__rnnp.store.get();
  return { cell: s.wcell, units: s.wunits, seqLen: s.wseqLen, batchSize: s.wbatch, learningRate: s.wlr, seed: s.wseed, updates: s.wupdates };
});
log(`Write view: training ${settings.cell} ${settings.units} for ${settings.updates} updates in the page's worker`);
const from = await page.evaluate(() => performance.now());
await page.getByTestId('write-train').click();
await page.getByTestId('write-status').filter({ hasText: 'Trained' }).waitFor({ timeout: 600_000 });
const to = await page.evaluate(() => performance.now());
const rates = await page.getByTestId('write-rates').textContent();
const workerRate = Number(rates.match(/([\d.,]+) updates/)[1].replace(/,/g, ''));
const tasks = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= from && t.start < to);
const longest = tasks.reduce((m, t) => Math.max(m, t.ms), 0);
// The losses as the page words them when training ends.
const status = await page.getByTestId('write-status').textContent();
const [held, bits, unigram] = status.match(/held-out loss ([\d.]+) nats\/char \(([\d.]+) bits\), against ([\d.]+)/).slice(1).map(Number);
const poems = await page.evaluate(() => {
  const desk = window.__rnnp.views.write.debug.desk();
  return Array.from({ length: 60 }, (_, k) => desk.poem('春', '\n', 0.8, k + 1));
});
await browser.close();
server.close();

// The same model in Node, through the same wasm module.
const corpus = readFileSync(`${root}assets/corpora/tang-poems.txt`, 'utf8');
const { updates: _, ...config } = settings;
const trainer = new engine.TextTrainer(corpus, config);
trainer.train(5);
const n = 40;
const t0 = performance.now();
trainer.train(n);
const nodeRate = n / ((performance.now() - t0) / 1000);
const uniform = Math.log(trainer.corpusSize()[1]);
trainer.free();

const text = poems.join('\n');
const generated = verseForm(text);
const shuffles = Array.from({ length: 20 }, (_, i) => verseForm(shuffled(text, i + 1)).share);
const shuffledShare = shuffles.reduce((a, b) => a + b, 0) / shuffles.length;
const inCorpus = verseForm(corpus);

const rows = [
  ['model', `${settings.cell} ${settings.units}, windows of ${settings.seqLen}, batch ${settings.batchSize}, Adam ${settings.learningRate}, seed ${settings.seed}`],
  ['updates, wall time in Chromium (training, held-out checks, samples)', `${settings.updates} in ${f((to - from) / 1000, 1)} s`],
  ['held-out loss per character', `${f(held)} nats (${f(bits)} bits)`],
  ['unigram baseline (character frequencies)', `${f(unigram)} nats (${f(unigram / Math.LN2)} bits)`],
  ['ln V (guessing)', `${f(uniform)} nats (${f(uniform / Math.LN2)} bits)`],
  ["training throughput, page's worker", `${f(workerRate, 2)} updates/s`],
  ['training throughput, Node (same wasm, same model)', `${f(nodeRate, 2)} updates/s`],
  ['worker / Node', `${f((100 * workerRate) / nodeRate, 0)} %`],
  ['longest main-thread task while training', `${f(longest, 0)} ms (${tasks.length} tasks over 50 ms)`],
  [`lines of 5 or 7 characters, ${poems.length} generated poems (T 0.8)`, `${f(100 * generated.share, 1)} % of ${generated.lines}`],
  ['the same characters shuffled (mean of 20)', `${f(100 * shuffledShare, 1)} %`],
  ['in the corpus', `${f(100 * inCorpus.share, 1)} % of ${inCorpus.lines}`],
];
const table = ['| Write view | |', '| --- | --- |', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
console.log(table);
console.log('\nFirst five poems:\n' + poems.slice(0, 5).map((p) => `  ${p}`).join('\n'));
mkdirSync(`${root}target/bench`, { recursive: true });
writeFileSync(`${root}target/bench/write.md`, `${table}\n\n${poems.slice(0, 5).join('\n')}\n`);
