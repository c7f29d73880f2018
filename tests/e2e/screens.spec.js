// Right on every screen. axe-core on every view in both languages at phone and
// laptop sizes; the phone's first screen; nothing fixed over a chart or a grid; the unit
// circle round; the keyboard (space steps, one tab stop per grid); Back after a view
// switch; and screenshots of every view at a phone, a projector and a laptop size.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { openPage, fullShot, seeChart } from './helpers.js';

const SHOTS = 'test-results/screenshots';
const VIEWS = ['sentence', 'gradients', 'series', 'write'];
const SIZES = { phone: [390, 844], projector: [1024, 768], laptop: [1280, 800] };

/** Reads the sentence to the end and walks one step back: something in every panel. */
async function readAndStepBack(page) {
  for (let i = 0; i < 4; i++) await page.getByTestId('step').click();
  await page.getByTestId('bptt-step').click();
}

/** How many elements inside `locator` the Tab key stops at. */
const tabStops = (locator) => locator.evaluate((g) => [...g.querySelectorAll('*')].filter((e) => e.tabIndex >= 0).length);

/** Trains a small character model, writes a few characters and five poems. */
async function trainAndWrite(page) {
  await page.getByTestId('write-train').click();
  await expect(page.getByTestId('write-train')).toHaveText(/Train again|重新训练/, { timeout: 60_000 });
  for (let i = 0; i < 6; i++) await page.getByTestId('write-step').click();
  await page.getByTestId('write-poems').click();
}

/** Opens a view with something in every panel. */
async function openView(page, view, lang) {
  const small = view === 'write' ? '&wunits=16&wseqLen=16&wbatch=4&wupdates=20' : '';
  const problems = await openPage(page, `?view=${view}&lang=${lang}${small}`);
  if (view === 'sentence') await readAndStepBack(page);
  if (view === 'write') await trainAndWrite(page);
  return problems;
}

for (const [size, [width, height]] of Object.entries({ phone: SIZES.phone, laptop: SIZES.laptop })) {
  for (const lang of ['en', 'zh']) {
    test(`axe-core finds no serious or critical problem: every view, ${lang}, ${size}`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      for (const view of VIEWS) {
        const problems = await openView(page, view, lang);
        const result = await new AxeBuilder({ page }).analyze();
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${view}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`)).toEqual([]);
        expect(problems).toEqual([]);
      }
    });
  }
}

test('phone: Step is on the first screen, nothing overflows sideways, nothing fixed covers a chart or a grid', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const view of VIEWS) {
    const problems = await openView(page, view, 'en');
    if (view === 'sentence') {
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await page.getByTestId('step').boundingBox();
      expect(box.y + box.height).toBeLessThanOrEqual(844);
      // Train and the loss chart it fills fit on one screen.
      const train = await page.getByTestId('train').boundingBox();
      const loss = await page.getByTestId('chart-loss').boundingBox();
      expect(train.y + train.height - loss.y, 'from the loss chart’s top to Train’s bottom').toBeLessThanOrEqual(844);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
    // The element at the centre of every chart and every grid is the chart or the grid.
    const covered = await page.evaluate(async () => {
      const out = [];
      for (const el of document.querySelectorAll('main canvas, main [role=grid]')) {
        el.scrollIntoView({ block: 'center' });
        await new Promise((r) => requestAnimationFrame(r));
        const r = el.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        if (!hit || !(el === hit || el.contains(hit))) out.push(`${el.dataset.testid || el.getAttribute('aria-label')} under ${hit?.outerHTML.slice(0, 80)}`);
      }
      return out;
    });
    expect(covered).toEqual([]);
    expect(problems).toEqual([]);
  }
});

test('phone: the unit circle of the eigenvalue chart is round (width and height within 2%)', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const problems = await openPage(page, '?view=gradients');
  const canvas = await seeChart(page, 'chart-spectrum');
  // The unit circle is the only pure black in the chart.
  const box = await canvas.evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
    for (let y = 0; y < c.height; y++) {
      for (let x = 0; x < c.width; x++) {
        const i = (y * c.width + x) * 4;
        if (data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0 && data[i + 3] === 255) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    return { w: x1 - x0, h: y1 - y0 };
  });
  expect(box.w).toBeGreaterThan(50);
  expect(Math.abs(box.w - box.h) / box.w).toBeLessThan(0.02);
  expect(problems).toEqual([]);
});

test.describe('a phone previewed in device emulation (deviceScaleFactor 3)', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
  test('charts are drawn at the emulated density (2 canvas pixels per CSS pixel at most), not at a third of it', async ({ page }) => {
    const problems = await openPage(page, '?lang=en');
    for (const id of ['chart-hidden', 'chart-loss']) {
      const canvas = await seeChart(page, id);
      const { css, width, dpr } = await canvas.evaluate((c) => ({ css: c.getBoundingClientRect().width, width: c.width, dpr: devicePixelRatio }));
      expect(dpr).toBe(3);
      expect(Math.abs(width - css * 2), `${id}: ${width} canvas pixels for ${css} CSS pixels`).toBeLessThanOrEqual(2);
    }
    expect(problems).toEqual([]);
  });

  test('a touch screen shows no keyboard hints, and the notice’s button is one line in Chinese', async ({ page }) => {
    const problems = await openPage(page, '?lang=zh&units=500&lesson=1');
    await expect(page.getByTestId('notice')).toBeVisible();
    const lines = await page.getByTestId('notice').getByRole('button').evaluate((b) => {
      const range = document.createRange();
      range.selectNodeContents(b);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    await expect(page.locator('#view-sentence .keys')).toBeHidden();
    await expect(page.locator('.lesson [data-role="keys"]')).toBeHidden();
    expect(problems).toEqual([]);
  });
});

test('space steps after any button has been clicked; the keys stay away from text fields', async ({ page }) => {
  const problems = await openPage(page);
  await page.getByTestId('apply-text').click();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('token-0')).toHaveAttribute('aria-current', 'step');
  await page.getByTestId('step-back').click();
  await page.getByTestId('reset').click();
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('token-1')).toHaveAttribute('aria-current', 'step');
  // Typing in the text box does not step.
  await page.getByTestId('text').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('token-1')).toHaveAttribute('aria-current', 'step');
  expect(problems).toEqual([]);
});

test('each cell grid is one tab stop, with the arrow keys inside', async ({ page }) => {
  const problems = await openPage(page, '?cell=lstm&units=64');
  await readAndStepBack(page);
  for (const grid of ['forward-grid', 'backward-grid']) expect(await tabStops(page.getByTestId(grid))).toBe(1);
  // The whole page: a 64-unit LSTM no longer has hundreds of tab stops.
  const all = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.tabIndex >= 0 && !e.disabled && e.offsetParent !== null).length);
  expect(all).toBeLessThan(60);
  const first = page.getByTestId('forward-grid').locator('[role=gridcell][tabindex="0"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  const focused = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  expect(focused).toMatch(/2: /);
  // The arrows move in the grid; they do not step the sentence back.
  await expect(page.getByTestId('token-3')).toHaveAttribute('aria-current', 'step');
  expect(problems).toEqual([]);
});

test('with 8 units the ∂L/∂W_hh matrix is shown, and it too is one tab stop', async ({ page }) => {
  const problems = await openPage(page, '?units=8');
  await readAndStepBack(page);
  const grid = page.getByTestId('grad-whh');
  await expect(grid).toBeVisible();
  expect(await grid.evaluate((g) => g.querySelectorAll('[role=gridcell]').length)).toBe(64);
  expect(await tabStops(grid)).toBe(1);
  expect(problems).toEqual([]);
});

test('Back after switching view returns to the previous view; slider moves add no entry', async ({ page }) => {
  const problems = await openPage(page, '?lang=en');
  await page.getByTestId('view-gradients').click();
  await expect(page).toHaveURL(/view=gradients/);
  await page.getByTestId('radius').evaluate((el) => {
    el.value = '1.2';
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page).toHaveURL(/radius=1.2/);
  await page.getByTestId('view-series').click();
  await page.goBack();
  await expect(page.getByTestId('view-gradients')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('radius')).toHaveValue('1.2');
  await page.goBack();
  await expect(page.getByTestId('view-sentence')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('step')).toBeVisible();
  expect(problems).toEqual([]);
});

test('a link in English opens in English in a Chinese browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('./?lang=en');
  await expect(page.getByTestId('step')).toHaveText('Step');
  await expect(page).toHaveTitle(/RNN Playground/);
  await page.goto('./');
  await expect(page.getByTestId('step')).toHaveText('前进一步');
  expect(await page.title()).toMatch(/游乐场/);
  // The description a search engine or a chat app shows is in Chinese too.
  expect(await page.locator('meta[name=description]').getAttribute('content')).toMatch(/[\u4e00-\u9fff]{4}/);
  await context.close();
});

test('a 280-character token and emoji are shown cut or named, and nothing overflows', async ({ page }) => {
  const long = 'x'.repeat(280);
  const problems = await openPage(page, `?text=${encodeURIComponent(`${long} 🐼 👨‍👩‍👧`)}`);
  await page.setViewportSize({ width: 390, height: 844 });
  for (let i = 0; i < 3; i++) await page.getByTestId('step').click();
  const chip = page.getByTestId('token-0');
  expect((await chip.textContent()).length).toBeLessThan(20);
  await expect(chip).toHaveAttribute('title', long);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  expect(problems).toEqual([]);
});

test('screenshots of every view in both languages at a phone, a projector and a laptop size', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  for (const [size, [width, height]] of Object.entries(SIZES)) {
    await page.setViewportSize({ width, height });
    for (const lang of ['en', 'zh']) {
      for (const view of VIEWS) {
        const problems = await openView(page, view, lang);
        await fullShot(page, `${SHOTS}/${view}-${lang}-${size}.png`);
        expect(problems).toEqual([]);
      }
    }
  }
});

test('space presses the lesson’s, the header’s and the copy buttons instead of stepping', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const problems = await openPage(page, '?lang=en&lesson=2&pos=1');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Chapter 2 / 9');
  await page.getByTestId('copy-step-text').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('notice')).toContainText('Copied');
  await expect(page.getByTestId('token-0')).toHaveAttribute('aria-current', 'step');
  await page.getByTestId('lesson-next').focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('lesson-progress')).toHaveText('Chapter 3 / 9');
  expect(problems).toEqual([]);
});

test('charts are labelled in the page’s font: the Chinese fonts right after the system font on a Chinese page, the Latin ones on an English page', async ({ page }) => {
  // Every font a canvas draws text in.
  await page.addInitScript(() => {
    const fill = CanvasRenderingContext2D.prototype.fillText;
    window.__fonts = [];
    CanvasRenderingContext2D.prototype.fillText = function (...args) {
      window.__fonts.push(this.font);
      return fill.apply(this, args);
    };
  });
  const problems = await openPage(page, '?view=gradients&lang=zh');
  const drawnIn = async () => {
    await seeChart(page, 'chart-flow');
    const { fonts, list } = await page.evaluate(() => ({ fonts: window.__fonts.splice(0), list: getComputedStyle(document.body).fontFamily }));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font.endsWith(list), `${font} is not in ${list}`).toBe(true);
    return list;
  };
  const zh = await drawnIn();
  expect(zh).toMatch(/^system-ui, "PingFang SC"/);
  await page.getByTestId('lang').click();
  await expect(page.getByTestId('lang')).toHaveText('中文');
  const en = await drawnIn();
  expect(en).toMatch(/^system-ui, -apple-system/);
  expect(problems).toEqual([]);
});

test.describe('the first paint', () => {
  // The service worker would answer the engine's request from its cache, past the route
  // that holds it back.
  test.use({ serviceWorkers: 'block', viewport: { width: 390, height: 844 } });

  test('while the engine loads, the loading notice is one line and each view’s introduction is laid out word for word as it is once the view is ready', async ({ page }) => {
    /**
     * Where every piece of an element is drawn: for each child (a text run, a subscript),
     * one "x,y,width,height" per line it takes.
     */
    const pieces = (selector) =>
      page.locator(selector).first().evaluate((el) =>
        [...el.childNodes].map((node) => {
          const range = document.createRange();
          range.selectNodeContents(node);
          return [...range.getClientRects()].map((r) => [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 10) / 10).join(','));
        }),
      );
    const lead = () => pieces('.view .lead');
    for (const view of VIEWS) {
      for (const lang of ['en', 'zh']) {
        let release;
        const held = new Promise((resolve) => (release = resolve));
        let asked = 0;
        await page.route(/\.wasm$/, async (route) => {
          asked++;
          await held;
          await route.continue();
        });
        await page.goto(`./?view=${view}&lang=${lang}`);
        const root = page.locator(`#view-${view}`);
        await expect(root).toHaveAttribute('data-state', 'skeleton');
        await expect.poll(() => asked, { message: `${view} ${lang}: the engine was asked for` }).toBeGreaterThan(0);
        const [loadingText] = await pieces('#loading');
        expect(loadingText.length, `${view} ${lang}: “Loading the engine…” on one line`).toBe(1);
        const before = await lead();
        expect(before.length, `${view} ${lang}: the introduction has words`).toBeGreaterThan(0);
        expect(before.filter((p) => p.length === 0), `${view} ${lang}: every piece is drawn while the engine loads`).toEqual([]);
        release();
        await expect(root).toHaveAttribute('data-state', 'ready');
        expect(await lead(), `${view} ${lang}`).toEqual(before);
        await page.unroute(/\.wasm$/);
      }
    }
  });

  test('on a slow network the loading line counts the engine in and its bar fills', async ({ page, context }) => {
    test.setTimeout(120_000);
    const cdp = await context.newCDPSession(page);
    // 400 kbit/s with 400 ms of latency.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
    await page.goto('./?lang=en');
    const bar = page.getByTestId('loading-progress');
    await expect(bar).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('#loading')).toContainText(/Loading the engine: \d+ of \d+ KB/);
    // The introduction's "Press Step" has no Step under it yet: the page says where it will be.
    const waiting = page.getByTestId('waiting');
    await expect(waiting).toBeVisible();
    await expect(waiting).toHaveText(/buttons and settings appear here/);
    await expect(page.locator('#view-sentence [data-role=stepbar]')).toBeHidden();
    const first = await bar.evaluate((b) => b.value);
    expect(first).toBeGreaterThan(0);
    await expect.poll(() => bar.evaluate((b) => b.value), { timeout: 30_000 }).toBeGreaterThan(first);
    await expect(page.locator('#view-sentence')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
    await expect(page.locator('#loading')).toBeHidden();
    await expect(waiting).toBeHidden();
    await expect(page.getByTestId('step')).toBeVisible();
  });

  test('nothing on the page moves while a view starts and opens (no layout shift), in both languages', async ({ page }) => {
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(`${e.value.toFixed(4)} ${e.sources.map((s) => s.node?.nodeName ?? '?').join(',')}`);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    for (const view of VIEWS) {
      for (const lang of ['en', 'zh']) {
        const problems = await openPage(page, `?view=${view}&lang=${lang}`);
        await expect(page.locator(`#view-${view}`)).toHaveAttribute('data-state', 'ready');
        // Until the charts on the first screen are drawn, and the layout after them.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
        expect(await page.evaluate(() => window.__shifts), `${view} ${lang}`).toEqual([]);
        expect(problems).toEqual([]);
      }
    }
  });

  // What each view shows of itself while it opens, and what it leaves for two frames later;
  // a chart on the first screen at 390×844 that is drawn before the rest appears.
  const OPENING = {
    sentence: { first: '[data-hide-id="forward"]', lower: '[data-hide-id="backward"]', chart: null },
    gradients: { first: '[data-hide-id="flow"]', lower: '[data-hide-id="cells"]', chart: 'chart-flow' },
    series: { first: '[data-hide-id="series-train"]', lower: '[data-hide-id="code"]', chart: 'chart-series-loss' },
    write: { first: '[data-hide-id="write-train"]', lower: '[data-hide-id="write-pen"]', chart: 'chart-write-loss' },
  };
  for (const [view, { first, lower, chart }] of Object.entries(OPENING)) {
    test(`${view}: the view opens in two steps, its first screen (and its chart drawn), then the parts below it`, async ({ page }) => {
      // Each change of the view's state, as it happens: which parts are laid out, and how
      // much of the chart is drawn.
      await page.addInitScript(
        ({ view, first, lower, chart }) => {
          window.__opening = [];
          new MutationObserver(() => {
            const root = document.getElementById(`view-${view}`);
            if (!root?.dataset.state) return;
            const canvas = chart && root.querySelector(`[data-testid="${chart}"]`);
            let ink = 0;
            if (canvas?.width && canvas.height) {
              const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
              for (let i = 3; i < data.length; i += 4) if (data[i] > 0) ink++;
            }
            const display = (selector) => getComputedStyle(root.querySelector(selector)).display;
            window.__opening.push({ state: root.dataset.state, first: display(first), lower: display(lower), ink });
          }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
        },
        { view, first, lower, chart },
      );
      const problems = await openPage(page, `?view=${view}&lang=en`);
      await expect(page.locator(`#view-${view}`)).toHaveAttribute('data-state', 'ready');
      const steps = await page.evaluate(() => window.__opening);
      // (The skeleton state is set before the view is put into the page.)
      expect(steps.map((s) => s.state)).toEqual(['opening', 'ready']);
      const [opening, ready] = steps;
      expect(opening.first).not.toBe('none');
      expect(opening.lower).toBe('none');
      expect(ready.lower).not.toBe('none');
      if (chart) {
        // Drawn while only the first screen was shown.
        expect(opening.ink).toBe(0);
        expect(ready.ink).toBeGreaterThan(500);
      }
      expect(problems).toEqual([]);
    });
  }
});
