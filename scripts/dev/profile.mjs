// Dev tool: a CPU profile of loading URL; prints the functions with the most self time.
// node scripts/dev/profile.mjs URL [slowdown]
import { chromium } from '@playwright/test';
const [, , url, slow = '1'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, serviceWorkers: 'block' });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(slow) });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await page.goto(url);
await page.waitForFunction(() => window.__rnnp);
await page.waitForTimeout(1500);
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log('total ms', total.toFixed(0));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(7), k);
// Where inside the top-level code of the page's modules the samples fell (line: ticks).
const lines = new Map();
for (const n of profile.nodes) if (n.callFrame.lineNumber === 0 && !n.callFrame.functionName && n.positionTicks) for (const p of n.positionTicks) lines.set(`${n.callFrame.url.split('/').pop()}:${p.line}`, (lines.get(`${n.callFrame.url.split('/').pop()}:${p.line}`) || 0) + p.ticks);
console.log([...lines.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15));
await browser.close();
