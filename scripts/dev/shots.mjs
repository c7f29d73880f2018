// Screenshots for a person to look at (not part of the tests): every view at a phone, a
// projector and a laptop size in both languages, with the lab's sliders at their ends and
// a small Write model trained and written with at both ends of the temperature; or, with
// `lesson`, every chapter of the lesson. Prints axe-core's violations, the page's overflow
// and its errors for each. Serve the build first (`node scripts/serve-dist.mjs 4180 /rnn-playground/`).
// Usage: node scripts/dev/shots.mjs BASE_URL OUT_DIR [views|lesson] [sizes, e.g. 390x844,1024x768]
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { launch, openPage, openView, setSlider } from './browser.mjs';

const [, , base = 'http://127.0.0.1:4180/rnn-playground/', out = '/tmp/shots', what = 'views', sizes = '390x844,1024x768,1280x800'] = process.argv;
mkdirSync(out, { recursive: true });

const VIEWS = [
  ['sentence', '?cell=lstm&units=64&speed=4', async (page) => { for (let i = 0; i < 4; i++) await page.getByTestId('step').click(); await page.getByTestId('bptt-step').click(); }],
  ['lab-max', '?view=gradients', async (page) => { await setSlider(page, 'seq-len', 200); await setSlider(page, 'radius', 2.5); }],
  ['lab-min', '?view=gradients', async (page) => { await setSlider(page, 'seq-len', 2); await setSlider(page, 'radius', 0.1); }],
  ['series', '?view=series', async () => {}],
  ['write', '?view=write&wunits=32&wseqLen=32&wbatch=8&wupdates=60', async (page) => {
    await page.getByTestId('write-train').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=write-step]').disabled, null, { timeout: 60000 });
    await setSlider(page, 'write-temperature', 0.1);
    for (let i = 0; i < 8; i++) await page.getByTestId('write-step').click();
    await setSlider(page, 'write-temperature', 2);
    for (let i = 0; i < 8; i++) await page.getByTestId('write-step').click();
    await page.getByTestId('write-poems').click();
    await page.getByTestId('poems').locator('li').nth(4).waitFor();
  }],
];
const CHAPTERS = Array.from({ length: 9 }, (_, i) => [`lesson-${i + 1}`, `?lesson=${i + 1}`, async () => {}]);

const browser = await launch();
for (const size of sizes.split(',')) {
  const [width, height] = size.split('x').map(Number);
  for (const lang of ['en', 'zh']) {
    const errors = [];
    const { context, page } = await openPage({ browser, width, height, errors });
    for (const [name, query, act] of what === 'lesson' ? CHAPTERS : VIEWS) {
      errors.length = 0;
      await openView(page, `${base}${query}&lang=${lang}`);
      await act(page);
      await page.waitForTimeout(800);
      const axe = await new AxeBuilder({ page }).analyze();
      const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${out}/${name}-${lang}-${width}.png`, fullPage: what !== 'lesson' });
      console.log(`${name} ${lang} ${size}: axe ${axe.violations.map((v) => `${v.id}(${v.nodes.length})`).join(',') || 'none'}; overflow ${wide}px; errors ${errors.join(' | ') || 'none'}`);
    }
    await context.close();
  }
}
await browser.close();
