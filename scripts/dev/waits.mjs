// Dev tool: in each main-thread task over 10 ms while URL loads, the events that waited
// (wall time far over thread time: a synchronous call to the browser, such as a font
// look-up, or a busy machine). node scripts/dev/waits.mjs URL
import { openPhone } from './phone.mjs';
const [, , url] = process.argv;
const { browser, page } = await openPhone(1, { lighthouse: true });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'fonts', 'blink', 'toplevel', 'ipc', 'mojom', 'v8.execute', 'v8', 'gpu'] });
await page.goto(url);
await page.waitForTimeout(4000);
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
await browser.close();
const mainT = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const ev = traceEvents.filter((e) => e.pid === mainT.pid && e.tid === mainT.tid && e.ph === 'X' && e.dur);
for (const t of ev.filter((e) => e.name === 'RunTask' && e.dur > 10000)) {
  console.log(`TASK ${(t.dur / 1000).toFixed(1)} wall ${(t.tdur / 1000).toFixed(1)} cpu`);
  const inside = ev.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur - (e.tdur ?? e.dur) > 1500);
  // innermost waits only
  const inner = inside.filter((e) => !inside.some((o) => o !== e && o.ts >= e.ts && o.ts + o.dur <= e.ts + e.dur && o.dur - o.tdur > 0.8 * (e.dur - e.tdur)));
  for (const e of inner.slice(0, 8)) console.log(`   ${e.name} wall ${(e.dur / 1000).toFixed(1)} cpu ${(e.tdur / 1000).toFixed(1)} ${JSON.stringify(e.args?.data?.functionName ?? e.args?.src_func ?? '')}`);
}
