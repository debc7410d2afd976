import { defineConfig } from '@playwright/test';

// Debian's Chromium (scripts/setup.sh installs it); no browser is downloaded.
export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  timeout: 240_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  globalSetup: './e2e/setup.ts',
  use: {
    headless: true,
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 30_000,
    viewport: { width: 1280, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
