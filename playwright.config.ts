// Browser tests in Chromium against the production build (`vite preview`).
// The build is made by `npm run test:e2e` before Playwright starts; Chromium is
// the system's (see test/e2e/chromium-path.mjs), never Playwright's download.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './test/e2e/chromium-path.mjs';

// E2E_PORT and E2E_DIST let several people (or agents) run the browser tests
// on one machine at once, each against their own build.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';
const BASE_URL = `http://localhost:${PORT}/`;
const onCi = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  forbidOnly: onCi,
  retries: onCi ? 1 : 0,
  // Two shared cores: the page, its engine worker and the preview server already compete.
  workers: 1,
  // `list` for people; the JSON file is summed by .ci/summarize.mjs.
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? '.playwright-report.json' }]],
  use: {
    baseURL: BASE_URL,
    headless: true,
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 720 },
        launchOptions: {
          executablePath: findChromium() ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    url: BASE_URL,
    reuseExistingServer: !onCi,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
