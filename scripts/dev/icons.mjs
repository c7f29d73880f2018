// Renders www/pwa/icon.svg to the PNG icons of the web app manifest (run once after
// changing the SVG; the PNGs are committed), then shrinks them to 32 colours with Pillow:
// node scripts/dev/icons.mjs
import { launch } from './browser.mjs';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const svg = readFileSync(new URL('../../www/pwa/icon.svg', import.meta.url), 'utf8');
const browser = await launch();
for (const size of [192]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: new URL(`../../www/pwa/icon-${size}.png`, import.meta.url).pathname, omitBackground: true });
  await page.close();
}
await browser.close();
// 32 colours are plenty for a flat icon, and a quarter of the bytes.
execFileSync('python3', ['-c', `
from PIL import Image
for s in (192,):
    p = 'www/pwa/icon-%d.png' % s
    Image.open(p).convert('RGBA').quantize(colors=32, method=Image.Quantize.FASTOCTREE).save(p, optimize=True)
`], { cwd: new URL('../..', import.meta.url).pathname, stdio: 'inherit' });
