import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto(process.argv[2]);
await page.waitForFunction(() => window.__rnnp);
await page.waitForTimeout(1000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('DOM.enable'); await cdp.send('CSS.enable');
const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
const fonts = new Map();
async function walk(n) {
  if (n.nodeType === 1) {
    try {
      const { fonts: f } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: n.nodeId });
      for (const x of f) { const k = x.familyName + (x.postScriptName ? ' ' + x.postScriptName : ''); if (!fonts.has(k)) fonts.set(k, n.nodeName + ' ' + (n.attributes||[]).join(' ').slice(0,60)); }
    } catch {}
  }
  for (const c of n.children || []) await walk(c);
}
await walk(root);
for (const [k, v] of fonts) console.log(k, '<-', v);
await browser.close();
