// Dev tool: every view at a phone, a projector and a laptop size in both languages, with
// the lab's sliders pushed to their ends; a screenshot of each (viewport) and axe-core's
// violations. node scripts/dev/sweep-shots.mjs BASE_URL OUT_DIR
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
const [, , base, out = '/tmp/sweep'] = process.argv;
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const SIZES = { phone: [390, 844], projector: [1024, 768], laptop: [1280, 800] };
const setSlider = (page, id, v) => page.getByTestId(id).evaluate((el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', { bubbles: true })); }, v);
for (const [size, [w, h]] of Object.entries(SIZES)) {
  for (const lang of ['en', 'zh']) {
    const context = await browser.newContext({ viewport: { width: w, height: h } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const shots = [
      ['sentence', `?lang=${lang}&cell=lstm&units=64&speed=4`, async () => { for (let i = 0; i < 4; i++) await page.getByTestId('step').click(); await page.getByTestId('bptt-step').click(); }],
      ['lab-max', `?lang=${lang}&view=gradients`, async () => { await setSlider(page, 'seq-len', 200); await setSlider(page, 'radius', 2.5); }],
      ['lab-min', `?lang=${lang}&view=gradients`, async () => { await setSlider(page, 'seq-len', 2); await setSlider(page, 'radius', 0.1); }],
      ['series', `?lang=${lang}&view=series`, async () => {}],
      // The Write view with a small model trained, written with at both ends of the temperature.
      ['write', `?lang=${lang}&view=generate&wunits=32&wseqLen=32&wbatch=8&wupdates=60`, async () => {
        await page.getByTestId('write-train').click();
        await page.waitForFunction(() => !document.querySelector('[data-testid=write-step]').disabled, null, { timeout: 60000 });
        await setSlider(page, 'write-temperature', 0.1);
        for (let i = 0; i < 8; i++) await page.getByTestId('write-step').click();
        await setSlider(page, 'write-temperature', 2);
        for (let i = 0; i < 8; i++) await page.getByTestId('write-step').click();
        await page.getByTestId('write-poems').click();
        await page.getByTestId('poems').locator('li').nth(4).waitFor();
      }],
      ['lesson', `?lang=${lang}&lesson=6&view=gradients&radius=1.5&gact=linear&hide=cells,race,spectrum`, async () => {}],
    ];
    for (const [name, query, act] of shots) {
      await page.goto(base + query);
      await page.waitForFunction(() => window.__rnnp);
      await page.waitForTimeout(400);
      await act();
      await page.waitForTimeout(600);
      await page.evaluate(() => window.__rnnp.drawAll());
      const axe = await new AxeBuilder({ page }).analyze();
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${out}/${name}-${lang}-${size}.png`, fullPage: true });
      console.log(`${name} ${lang} ${size}: axe ${axe.violations.map((v) => `${v.id}(${v.nodes.length})`).join(',') || 'none'}; overflow ${wide}px; errors ${errors.length}`);
    }
    await context.close();
  }
}
await browser.close();
