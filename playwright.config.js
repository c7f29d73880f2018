// End-to-end tests in headless Chromium against the production build (dist/), served
// under a sub-path as a static host would. The browser comes from the system
// (scripts/ensure-browser.sh finds or installs it and sets CHROMIUM_PATH).
import { defineConfig } from '@playwright/test';

const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: /.*\.spec\.js/,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/rnn-playground/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `node scripts/serve-dist.mjs ${PORT} /rnn-playground/`,
    url: `http://127.0.0.1:${PORT}/rnn-playground/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
