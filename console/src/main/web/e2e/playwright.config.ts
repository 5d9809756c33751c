import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's chromium (never downloaded: `npx playwright install` is not used).
 * Against the real platform by default (the gateway serves /console/); with CONSOLE_PREVIEW=1 the
 * built bundle is served by `vite preview` on 127.0.0.1:4173 instead (no services: smoke only).
 */
const preview = process.env.CONSOLE_PREVIEW === '1';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    baseURL: process.env.YIBAO_BASE_URL || (preview ? 'http://127.0.0.1:4173' : 'http://127.0.0.1:8080'),
    screenshot: 'only-on-failure',
  },
  webServer: preview
    ? { command: 'npx vite preview --host 127.0.0.1 --port 4173 --strictPort', cwd: '..', url: 'http://127.0.0.1:4173/console/', reuseExistingServer: true, timeout: 30_000 }
    : undefined,
});

/** Where the tests write the README's screenshots. */
export const SCREENSHOTS = new URL('./screenshots/', import.meta.url).pathname;
