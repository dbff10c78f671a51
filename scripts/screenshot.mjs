// Takes the README screenshot of the example diagram: `npm run build && npm run screenshot`.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';

const out = process.argv[2] ?? 'docs/screenshot.png';
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4174', '--strictPort'], { stdio: 'ignore', detached: true });
try {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  for (let i = 0; i < 50; i++) {
    try {
      await page.goto('http://127.0.0.1:4174');
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await page.getByText('A second passport_info for the same author').first().waitFor({ timeout: 30_000 });
  await page.locator('[data-relationship-id="rel_authors_passport_info"] .react-flow__edge-interaction').click({ force: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  process.kill(-server.pid);
}
