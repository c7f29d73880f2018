// A CPU profile of a page load, or of a script run once the page has loaded, at phone size
// with the CPU slowed down: the time in each function, inclusive ("total") and its own ("self").
// Usage: node scripts/dev/profile.mjs URL [slowdown] [script]
import { openPage, openView } from './browser.mjs';

const [, , url, slow = '1', script = ''] = process.argv;
const { browser, page, cdp } = await openPage({ screen: 'phone', slow });
const start = async () => {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
};
if (script) {
  await openView(page, url);
  await page.waitForTimeout(1500);
  await start();
  await page.evaluate(script);
} else {
  await start();
  await openView(page, url);
}
await page.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
await browser.close();

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
const self = new Map();
const total = new Map();
const add = (map, k, d) => map.set(k, (map.get(k) || 0) + d);
profile.samples.forEach((id, i) => {
  const d = (profile.timeDeltas[i] || 0) / 1000;
  add(self, key(byId.get(id)), d);
  const seen = new Set();
  for (let x = id; x; x = parent.get(x)) {
    const k = key(byId.get(x));
    if (!seen.has(k)) add(total, k, d), seen.add(k);
  }
});
for (const [name, map, top] of [['self', self, 20], ['total', total, 40]]) {
  console.log(`== ${name} (ms)`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) if (!/idle|program|root/.test(k)) console.log(v.toFixed(1).padStart(7), k);
}
