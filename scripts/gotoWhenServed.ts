import type { Page } from '@playwright/test';

/** Opens `url` once the preview server just spawned answers (it takes a moment to start): retries for about 10 s. */
export async function gotoWhenServed(page: Page, url: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (attempt > 50) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
