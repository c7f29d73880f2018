// Dev tool: a CPU profile of an action after load; self time by function.
// node scripts/dev/profile-action.mjs URL slowdown "async script"
import { openPhone } from './phone.mjs';
const [, , url, slow = '1', script = ''] = process.argv;
const { browser, page, cdp } = await openPhone(slow);
await page.goto(url);
await page.waitForFunction(() => window.__rnnp);
await page.waitForTimeout(2000);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.evaluate(script);
await page.waitForTimeout(500);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const self = new Map();
const total = new Map();
profile.samples.forEach((id, i) => {
  const d = (profile.timeDeltas[i] || 0) / 1000;
  const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const n = byId.get(id);
  self.set(key(n), (self.get(key(n)) || 0) + d);
  const seen = new Set();
  for (let x = id; x; x = parent.get(x)) {
    const k = key(byId.get(x));
    if (!seen.has(k)) total.set(k, (total.get(k) || 0) + d), seen.add(k);
  }
});
console.log('== self');
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(v.toFixed(1).padStart(7), k);
console.log('== total');
for (const [k, v] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(7), k);
await browser.close();
