import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const url = process.argv[2];
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const { lhr } = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
const a = lhr.audits;
console.log(JSON.stringify({ score: lhr.categories.performance.score * 100, tbt: a['total-blocking-time'].numericValue, lcp: a['largest-contentful-paint'].numericValue, fcp: a['first-contentful-paint'].numericValue, cls: a['cumulative-layout-shift'].numericValue, si: a['speed-index'].numericValue, lcpEl: a['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet, long: (a['long-tasks']?.details?.items || []).slice(0, 8).map((x) => [x.url?.split('/').pop(), Math.round(x.duration), Math.round(x.startTime)]) }));
await chrome.kill();
