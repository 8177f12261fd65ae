import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/chromium';

/** A TCP port on 127.0.0.1 that nothing listens on (asked of the OS; synchronous, as config loading is). */
function freePort(): number {
  const script =
    "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

// The test server gets a port of its own, so the tests run beside `npm start`
// (4173) or another test run: E2E_PORT when given (with SC_DIST and
// E2E_RESULTS for a second run in the same checkout), else a port that is free
// now. Playwright loads this file in the runner and again in every worker; the
// runner picks the port once and puts it in the environment its workers inherit,
// so all of them (and the specs) agree on it.
if (!process.env.E2E_PORT) process.env.E2E_PORT = String(freePort());
const PORT = Number(process.env.E2E_PORT);
const APP = `http://127.0.0.1:${PORT}`;
process.env.E2E_APP = APP; // read by specs that build cross-origin URLs

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: process.env.E2E_RESULTS ?? 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: APP,
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    acceptDownloads: true,
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium', headless: true } }],
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: APP,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
