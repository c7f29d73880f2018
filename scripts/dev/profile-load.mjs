// Dev tool: CPU profile of a page load by function: inclusive ("total") time, or with
// `self` as the third argument the time in each function itself.
// node scripts/dev/profile-load.mjs URL [slowdown] [total|self]
import { openPhone } from './phone.mjs';
const [, , url, slow = '1', mode = 'total'] = process.argv;
const { browser, page, cdp } = await openPhone(slow);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
await page.goto(url);
await page.waitForFunction(() => window.__rnnp);
await page.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const total = new Map();
const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
profile.samples.forEach((id, i) => {
  const d = (profile.timeDeltas[i] || 0) / 1000;
  if (mode === 'self') return total.set(key(byId.get(id)), (total.get(key(byId.get(id))) || 0) + d);
  const seen = new Set();
  for (let x = id; x; x = parent.get(x)) {
    const k = key(byId.get(x));
    if (!seen.has(k)) total.set(k, (total.get(k) || 0) + d), seen.add(k);
  }
});
for (const [k, v] of [...total.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60)) if (!/idle|program|root/.test(k)) console.log(v.toFixed(1).padStart(7), k);
await browser.close();
