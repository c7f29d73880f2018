// Dev tool: records a Chromium trace of loading URL (and optionally an action), then lists
// the main-thread tasks over 50 ms with the biggest events inside them.
// node scripts/dev/trace.mjs URL [slowdown] [script to evaluate after load]
// (env: MIN_MS, the shortest task listed; WAIT_MS, AFTER_MS, see below)
import { openPage } from './browser.mjs';
const [, , url, slow = '1', script = ''] = process.argv;
const { browser, page } = await openPage({ screen: 'phone', slow });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'disabled-by-default-v8.compile'] });
await page.goto(url);
// WAIT_MS: wait that long instead of asking the page (Playwright's waiting script is a task of its own).
if (process.env.WAIT_MS) await page.waitForTimeout(Number(process.env.WAIT_MS));
else await page.waitForFunction(() => window.__rnnp);
if (script) await page.evaluate(script);
// AFTER_MS: how long to record after the script (a long run: the lab's memory comparison).
await page.waitForTimeout(Number(process.env.AFTER_MS || 2000));
const buf = await browser.stopTracing();
const { traceEvents } = JSON.parse(buf.toString());
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const ev = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
const tasks = ev.filter((e) => e.name === 'RunTask' && e.dur > (Number(process.env.MIN_MS || 50) * 1000));
for (const t of tasks) {
  console.log(`TASK ${(t.dur / 1000).toFixed(1)} ms at ${(t.ts / 1000).toFixed(0)}`);
  const inside = ev.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 3000);
  for (const e of inside.sort((a, b) => a.ts - b.ts).slice(0, 40)) {
    const depth = inside.filter((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur).length;
    const d = e.args?.data || e.args?.beginData || {};
    const stack = (d.stackTrace || e.args?.beginData?.stackTrace || []).slice(0, 4).map((f) => `${f.functionName}@${f.url?.split('/').pop()}:${f.lineNumber}`).join(' < ');
    console.log(`${'  '.repeat(depth + 1)}${e.name} ${(e.dur / 1000).toFixed(1)} ${d.functionName || d.url?.split('/').pop() || ''} ${stack}`);
  }
}
await browser.close();
