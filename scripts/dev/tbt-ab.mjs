// Dev tool: an A/B comparison of start-up blocking time, less noisy than single Lighthouse
// runs. Loads each URL `reps` times, interleaved, in headless Chromium at Lighthouse's
// mobile size with the CPU as it is, records a trace, and computes what Lighthouse's
// simulation would count: every main-thread task after first contentful paint, times 4,
// less 50 ms. Prints each run and the median per URL.
// node scripts/dev/tbt-ab.mjs REPS URL_A[|css] [URL_B[|css] …]
import { openPhone } from './phone.mjs';
const [, , reps, ...urls] = process.argv;
const runs = urls.map(() => []);
// A URL may end in `|css`: that CSS is appended to the page's stylesheet (an experiment).
async function once(spec) {
  const [url, css] = spec.split('|');
  const { browser, page } = await openPhone(1, { lighthouse: true });
  if (css) await page.route(/\.css$/, async (route) => { const res = await route.fetch(); route.fulfill({ response: res, body: (await res.text()) + css }); });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'loading', 'blink.user_timing', 'fonts'] });
  await page.goto(url);
  await page.waitForTimeout(5000);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await browser.close();
  const main = traceEvents.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const fcp = traceEvents.find((e) => e.name === 'firstContentfulPaint' && e.pid === main.pid);
  const tasks = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts >= (fcp?.ts ?? 0));
  const blocking = tasks.map((t) => Math.max(0, (4 * t.dur) / 1000 - 50));
  const longest = Math.max(0, ...tasks.map((t) => t.dur / 1000));
  // Time the main thread waited for fonts (the outermost lookups; on Linux each new font
  // size and weight asks the browser process, a synchronous message).
  const lookups = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'FontCache::GetFontPlatformData');
  const outer = lookups.filter((e) => !lookups.some((o) => o !== e && e.ts >= o.ts && e.ts + e.dur <= o.ts + o.dur));
  const fonts = outer.reduce((s, e) => s + e.dur, 0) / 1000;
  return { tbt: Math.round(blocking.reduce((s, x) => s + x, 0)), longest: Math.round(longest), n: blocking.filter((b) => b > 0).length, fonts: Math.round(fonts), lookups: outer.length };
}
for (let r = 0; r < Number(reps); r++) {
  for (const [i, url] of urls.entries()) {
    const x = await once(url);
    runs[i].push(x);
    console.log(`${'AB'[i] ?? i} tbt4x ${x.tbt} longest1x ${x.longest} tasks ${x.n} font-wait ${x.fonts} ms (${x.lookups})`);
  }
}
const median = (a) => a.slice().sort((p, q) => p - q)[Math.floor(a.length / 2)];
for (const [i, url] of urls.entries()) console.log(`${'AB'[i] ?? i} median tbt4x ${median(runs[i].map((x) => x.tbt))} longest1x ${median(runs[i].map((x) => x.longest))} font-wait ${median(runs[i].map((x) => x.fonts))}  ${url}`);
