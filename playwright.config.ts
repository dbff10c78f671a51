import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/chromium.ts';

/** E2E_PORT and E2E_DIST let a second run on the same machine use its own port and build. */
const port = Number(process.env.E2E_PORT) || 4173;
const outDir = process.env.E2E_DIST ?? 'dist';

/** Browser tests run against the production build, in the system Chromium. */
export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_DIST ? `${process.env.E2E_DIST}-results` : 'test-results',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npm run build -- --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
