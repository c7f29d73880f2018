// The dev tools' shared start: headless Chromium (CHROMIUM_PATH, else Debian's), a page at a
// size, with the CPU slowed down `slow` times, and the page's errors printed.
//   phone: 390×844 at 3 device pixels, touch, no service worker;
//   lighthouse: the 412×823 at 1.75 device pixels that Lighthouse's mobile profile emulates.
import { chromium } from '@playwright/test';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const launch = () => chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });

const SCREENS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, serviceWorkers: 'block' },
  lighthouse: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, serviceWorkers: 'block' },
};

/** A new page in `browser` (one is launched when none is given); errors go to `errors` or the console. */
export async function openPage({ browser, width = 1280, height = 800, screen, slow = 1, errors } = {}) {
  browser ??= await launch();
  const context = await browser.newContext(screen ? SCREENS[screen] : { viewport: { width: +width, height: +height } });
  const page = await context.newPage();
  const report = (text) => (errors ? errors.push(text) : console.log(text));
  page.on('pageerror', (e) => report(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && report(`console error: ${m.text().slice(0, 300)}`));
  const cdp = await context.newCDPSession(page);
  if (+slow !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(slow) });
  return { browser, context, page, cdp };
}

/** Opens `url` and waits until the view on screen is ready. */
export async function openView(page, url) {
  await page.goto(url);
  await page.waitForSelector('main > .view[data-state=ready]', { timeout: 30000 });
}

/** Sets a range input's value as a dragged slider would. */
export const setSlider = (page, id, v) =>
  page.getByTestId(id).evaluate((el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, v);
