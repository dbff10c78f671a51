// Takes the README screenshots of the example diagram, light and dark: `npm run build && npm run screenshot`.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';

const shots = [
  { colorScheme: 'light', path: 'docs/screenshot.png' },
  { colorScheme: 'dark', path: 'docs/screenshot-dark.png' },
];
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', '4174', '--strictPort'], {
  stdio: 'ignore',
  detached: true,
});
try {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 860 }, colorScheme: shot.colorScheme });
    for (let i = 0; i < 50; i++) {
      try {
        await page.goto('http://127.0.0.1:4174');
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await page.getByText('A second passport_info for the same author').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-relationship-id="rel_authors_passport_info"] path.react-flow__edge-path').dispatchEvent('click');
    await page.waitForTimeout(300);
    await page.screenshot({ path: shot.path });
    await page.close();
    console.log(`wrote ${shot.path}`);
  }
  await browser.close();
} finally {
  process.kill(-server.pid);
}
