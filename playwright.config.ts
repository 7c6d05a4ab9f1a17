import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { findChromium } from './scripts/find-chromium.mjs';

const executablePath: string | undefined = findChromium() ?? undefined;
// PW_PORT lets several checkouts run their browser tests side by side without sharing a preview server.
const PORT = Number(process.env.PW_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    // The lab's service worker (vite.config.ts) would serve later requests from its precache, past page.route and
    // the network conditions the specs set up. Every context starts with none; the specs of offline use
    // (e2e/offline.spec.ts) allow it with test.use({ serviceWorkers: 'allow' }).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--enable-unsafe-webgpu'],
    },
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
