// Dev tool: for each main-thread task over MIN_MS (default 10) after first contentful
// paint, the JavaScript functions it spent its time in (sampled), with the task's style,
// layout and paint. Makes clear which code a long start-up task is.
// node scripts/dev/task-profile.mjs URL [slowdown]   (env MIN_MS, WAIT_MS; CLICK=test id: a click instead of the start-up)
import { openPage } from './browser.mjs';
const [, , url, slow = '1'] = process.argv;
const { browser, page } = await openPage({ screen: 'lighthouse', slow });
const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'v8.wasm'];
if (process.env.CLICK) {
  // An action instead of the start-up: the page loads, settles, then the trace covers a
  // click on the control with test id CLICK and the WAIT_MS after it.
  await page.goto(url);
  await page.getByTestId(process.env.CLICK).waitFor();
  await page.waitForTimeout(1500);
  await browser.startTracing(page, { categories });
  await page.getByTestId(process.env.CLICK).click();
} else {
  await browser.startTracing(page, { categories });
  await page.goto(url);
}
await page.waitForTimeout(Number(process.env.WAIT_MS || 4000));
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
await browser.close();
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const mine = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid);
const fcp = traceEvents.find((e) => e.name === 'firstContentfulPaint' && e.pid === main.pid)?.ts ?? 0;
// The sampled profile: nodes (with parents) and samples with time deltas.
const nodes = new Map();
const samples = [];
let ts = 0;
// Only the page's thread: the worker's profile has its own id (its chunks carry that id).
const profile = traceEvents.find((e) => e.pid === main.pid && e.tid === main.tid && e.name === 'Profile');
for (const e of traceEvents.filter((e) => e.pid === main.pid && e.id === profile?.id && (e.name === 'Profile' || e.name === 'ProfileChunk'))) {
  if (e.name === 'Profile') { ts = e.args.data.startTime; continue; }
  const d = e.args.data.cpuProfile || {};
  for (const n of d.nodes || []) nodes.set(n.id, n);
  const deltas = e.args.data.timeDeltas || [];
  (d.samples || []).forEach((id, i) => { ts += deltas[i] || 0; samples.push({ id, ts }); });
}
const label = (n) => `${n.callFrame.functionName || '(anon)'}@${(n.callFrame.url || "").split('/').pop().replace(/-[\w-]{8}\.js$/, '')}:${n.callFrame.lineNumber}`;
const min = Number(process.env.MIN_MS || 10) * 1000;
const tasks = mine.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.ts + e.dur >= fcp && e.dur > min);
for (const t of tasks) {
  const inside = mine.filter((e) => e.ph === 'X' && e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
  const sum = (name) => (inside.filter((e) => e.name === name).reduce((s, e) => s + e.dur, 0) / 1000).toFixed(1);
  console.log(`TASK +${((t.ts - fcp) / 1000).toFixed(0)} ms, ${(t.dur / 1000).toFixed(1)} ms (thread ${(t.tdur / 1000).toFixed(1)}): wasm compile ${sum('wasm.CompileLazy')} style ${sum('UpdateLayoutTree')} layout ${sum('Layout')} paint ${sum('Paint')}`);
  const by = new Map();
  let prev = null;
  for (const s of samples) {
    if (s.ts < t.ts || s.ts > t.ts + t.dur) { prev = s; continue; }
    const dt = prev ? (s.ts - prev.ts) / 1000 : 0;
    prev = s;
    // Inclusive time of each function on the stack (once per sample).
    const seen = new Set();
    for (let n = nodes.get(s.id); n; n = nodes.get(n.parent)) {
      const k = label(n);
      if (/^\((root|program|idle|garbage)/.test(k) || seen.has(k)) continue;
      seen.add(k);
      by.set(k, (by.get(k) || 0) + dt);
    }
  }
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 8))) if (v >= 1) console.log(`   ${v.toFixed(1).padStart(6)} ${k}`);
}
