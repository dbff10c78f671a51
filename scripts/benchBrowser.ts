import { spawn, spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';
import { gotoWhenServed } from './gotoWhenServed.ts';

/** Milliseconds from navigation until PostgreSQL was ready and until the first proof arrived, per start mode. */
export interface PageOpenFigures {
  shippedDataDir: { postgresReady: number[]; firstProof: number[] };
  plainInitdb: { postgresReady: number[]; firstProof: number[] };
}

/** How long a new window is left to load Chromium's own pages before the app is opened in it. */
const windowSettleMs = 1500;

/** Builds the app, serves it on 127.0.0.1, and opens it `runs` times per mode in fresh headless Chromium contexts. */
export async function measurePageOpen(runs: number): Promise<PageOpenFigures> {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
  const port = 4179;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const figures: PageOpenFigures = {
      shippedDataDir: { postgresReady: [], firstProof: [] },
      plainInitdb: { postgresReady: [], firstProof: [] },
    };
    for (let i = 0; i < runs; i++) {
      for (const [mode, query] of [
        ['shippedDataDir', ''],
        ['plainInitdb', '?pgliteStart=initdb'],
      ] as const) {
        const context = await browser.newContext();
        const page = await context.newPage();
        // A new Chromium window loads the browser's own omnibox popup (a WebUI page) in the background,
        // which kept one of the 2 cores busy for about a second of every measured page open: the page is
        // opened in a window that has settled, as a user types the address into a browser already open.
        await page.goto('about:blank');
        await page.waitForTimeout(windowSettleMs);
        await gotoWhenServed(page, `http://127.0.0.1:${port}/${query}`);
        await page.waitForFunction(
          () => (window as unknown as { erd?: { timings: { firstProof?: number } } }).erd?.timings.firstProof !== undefined,
          null,
          { timeout: 60_000 },
        );
        const timings = await page.evaluate(
          () => (window as unknown as { erd: { timings: { postgresReady: number; firstProof: number } } }).erd.timings,
        );
        figures[mode].postgresReady.push(timings.postgresReady);
        figures[mode].firstProof.push(timings.firstProof);
        await context.close();
      }
    }
    return figures;
  } finally {
    await browser.close();
    process.kill(-server.pid!);
  }
}
