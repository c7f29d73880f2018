// Dev tool: Lighthouse (mobile) on URL; prints the main-thread work by kind and the long tasks.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const { lhr } = await lighthouse(process.argv[2], { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
const a = lhr.audits;
console.log('score', lhr.categories.performance.score * 100, 'tbt', Math.round(a['total-blocking-time'].numericValue), 'tti', Math.round(a['interactive'].numericValue));
console.log('breakdown', a['mainthread-work-breakdown'].details.items.map((i) => `${i.group}:${Math.round(i.duration)}`).join(' '));
console.log('long', (a['long-tasks'].details?.items || []).map((x) => `${x.url?.split('/').pop()}@${Math.round(x.startTime)}:${Math.round(x.duration)}`).join(' '));
await chrome.kill();
