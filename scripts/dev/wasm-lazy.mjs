// Dev tool: the wasm functions compiled lazily on the main thread while URL loads (V8
// compiles each on its first call), the largest, and how much of each long task it was.
// node scripts/dev/wasm-lazy.mjs URL
import { openPhone } from './phone.mjs';
const [, , url] = process.argv;
const { browser, page } = await openPhone(1, { lighthouse: true });
await browser.startTracing(page, { categories: ['v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await page.goto(url);
await page.waitForTimeout(4000);
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
await browser.close();
const lazy = traceEvents.filter((e) => e.name === 'wasm.CompileLazy');
const base = traceEvents.filter((e) => e.name === 'wasm.CompileBaseline');
const main = lazy[0].tid;
const rows = base.filter((e) => e.tid === main).map((e) => [e.args.funcIndex, e.args.bodySize, e.tdur / 1000]);
rows.sort((a, b) => b[2] - a[2]);
const tot = rows.reduce((s, r) => s + r[2], 0), bytes = rows.reduce((s, r) => s + r[1], 0);
console.log('functions', rows.length, 'ms', tot.toFixed(1), 'bytes', bytes);
console.log(rows.slice(0, 25).map((r) => `f${r[0]} ${r[1]}B ${r[2].toFixed(2)}ms`).join('\n'));
const tasks = traceEvents.filter((e) => e.tid === main && e.name === 'RunTask' && e.dur > 8000);
for (const t of tasks) {
  const inside = base.filter((e) => e.tid === main && e.ts >= t.ts && e.ts <= t.ts + t.dur);
  if (!inside.length) continue;
  console.log(`task ${(t.dur / 1000).toFixed(1)} ms (cpu ${(t.tdur / 1000).toFixed(1)}): lazy compile ${inside.length} fns ${(inside.reduce((s, e) => s + e.args.bodySize, 0) / 1024).toFixed(0)} KiB ${(inside.reduce((s, e) => s + e.tdur, 0) / 1000).toFixed(1)} ms`);
}
