// Lighthouse's mobile performance audit of URL: score, blocking time, paints, layout shift,
// the main thread's work by kind and the long tasks. Usage: node scripts/dev/lighthouse.mjs URL
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM } from './browser.mjs';

const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const { lhr } = await lighthouse(process.argv[2], { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
const a = lhr.audits;
const ms = (id) => Math.round(a[id].numericValue);
console.log(`score ${lhr.categories.performance.score * 100}; TBT ${ms('total-blocking-time')} ms; FCP ${ms('first-contentful-paint')} ms; LCP ${ms('largest-contentful-paint')} ms; CLS ${a['cumulative-layout-shift'].numericValue.toFixed(3)}`);
console.log('work:', a['mainthread-work-breakdown'].details.items.map((i) => `${i.group} ${Math.round(i.duration)}`).join(', '));
console.log('long tasks:', (a['long-tasks'].details?.items || []).map((x) => `${x.url?.split('/').pop()} at ${Math.round(x.startTime)}: ${Math.round(x.duration)} ms`).join('; ') || 'none');
await chrome.kill();
