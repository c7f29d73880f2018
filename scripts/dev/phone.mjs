// Dev tools' shared start: headless Chromium as a phone (390×844, 3 device pixels per CSS
// pixel, no service worker), with the CPU slowed down `slow` times. `{lighthouse: true}`:
// the phone Lighthouse's mobile profile emulates instead (412×823, 1.75 device pixels).
import { chromium } from '@playwright/test';

export async function openPhone(slow = 1, { lighthouse = false } = {}) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const screen = lighthouse ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 } : { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 };
  const context = await browser.newContext({ ...screen, isMobile: true, serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(slow) });
  return { browser, context, page, cdp };
}
