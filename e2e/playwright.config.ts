import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in the system Chromium (Playwright cannot download its own browsers here).
 * global-setup.ts starts the built server on a free port with a database of its own.
 */
export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results',
  globalSetup: './global-setup.ts',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      // Where Playwright may download its own browser (GitHub Actions), PLAYWRIGHT_BUNDLED_CHROMIUM=1
      // uses it; elsewhere the system Chromium.
      executablePath: process.env.PLAYWRIGHT_BUNDLED_CHROMIUM
        ? undefined
        : process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    trace: 'retain-on-failure',
  },
});
