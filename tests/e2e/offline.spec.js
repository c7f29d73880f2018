// After one visit the page works with no network (its service worker has every
// built file), a new deployment is picked up on the next visit with a quiet notice, and
// the site is installable (a manifest with icons).
import { test, expect } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage } from './helpers.js';
import { serveStatic } from '../../scripts/serve-dist.mjs';
import { writeServiceWorker } from '../../www/build/offline-plugin.js';

const DIST = new URL('../../dist/', import.meta.url).pathname;

/** Waits until the service worker controls the page (it claims it once installed). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
}

test('after one visit, the page opens, steps and trains with no network', async ({ page, context }) => {
  const problems = await openPage(page, '?lang=en');
  await controlled(page);
  await context.setOffline(true);
  try {
    await page.reload();
    await page.waitForFunction(() => window.__rnnp);
    await expect(page.getByTestId('step')).toBeEnabled();
    await page.getByTestId('step').click();
    await expect(page.getByTestId('token-0')).toHaveAttribute('aria-current', 'step');
    await page.getByTestId('train').click();
    await expect(page.getByTestId('train-status')).toContainText('Trained', { timeout: 30_000 });
    expect(await page.evaluate(() => window.__rnnp.jobs.where())).toBe('worker');
    // Another view, never opened before, works too: everything was cached on the first visit.
    await page.getByTestId('view-gradients').click();
    await expect(page.getByTestId('flow-numbers')).not.toBeEmpty();
  } finally {
    await context.setOffline(false);
  }
  // Requests that failed while offline are the point of this test, not a problem.
  expect(problems.filter((p) => !/request failed|ERR_INTERNET_DISCONNECTED/.test(p))).toEqual([]);
});

test('a new deployment is picked up on the next visit, with a quiet notice, and old caches go', async ({ browser }) => {
  // A copy of the build on its own server, so the test can deploy a second version.
  const dir = mkdtempSync(join(tmpdir(), 'rnnp-deploy-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await serveStatic({ port: 0, folder: () => dir });
  const base = `http://127.0.0.1:${server.address().port}/rnn-playground/`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${base}?lang=en`);
    await page.waitForFunction(() => window.__rnnp);
    await controlled(page);
    const first = await page.evaluate(() => caches.keys());
    expect(first).toHaveLength(1);

    // The second build: a changed page (as a text change would make) and its service worker.
    const html = readFileSync(join(dir, 'index.html'), 'utf8').replace('</main>', '<p data-testid="second-build">second build</p></main>');
    writeFileSync(join(dir, 'index.html'), html);
    const { version } = writeServiceWorker(dir);

    await page.goto(`${base}?lang=en`);
    await page.waitForFunction(() => window.__rnnp);
    await expect(page.getByTestId('second-build')).toBeVisible();
    await expect(page.getByTestId('notice')).toContainText('updated', { timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`rnnp-${version}`]);
    // And the step still works in the new version.
    await page.getByTestId('step').click();
    await expect(page.getByTestId('token-0')).toHaveAttribute('aria-current', 'step');
  } finally {
    await context.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the manifest names the app, its start page and its icons', async ({ page, request }) => {
  await openPage(page);
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await request.get(href)).json();
  expect(manifest.name).toBe('RNN Playground');
  expect(manifest.start_url).toBe('./');
  expect(manifest.display).toBe('standalone');
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
  }
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', 'any']));
});
