// The sentence view's step in headless Chromium: one token through the engine and every
// chart redrawn (synchronous work, layout included), against the production build.
// Usage: node bench/browser-step.mjs [chromium path] [steps]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const executablePath = process.argv[2] || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const steps = Number(process.argv[3] || 300);
const port = 4190;
const server = spawn(process.execPath, [new URL('../scripts/serve-dist.mjs', import.meta.url).pathname, String(port), '/rnn-playground/'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 500));
try {
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${port}/rnn-playground/?lang=en`);
  await page.waitForFunction(() => window.__rnnp?.views?.sentence);
  const times = await page.evaluate((n) => {
    const v = window.__rnnp.views.sentence.debug;
    const out = [];
    for (let i = 0; i < n + 20; i++) {
      const t0 = performance.now();
      if (!v.step()) v.reset();
      v.flush();
      const ms = performance.now() - t0;
      if (i >= 20) out.push(ms);
    }
    return out;
  }, steps);
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  console.log(JSON.stringify({ median_ms: q(0.5), p95_ms: q(0.95), max_ms: times[times.length - 1], steps: times.length, chromium: browser.version() }));
  await browser.close();
} finally {
  server.kill();
}
