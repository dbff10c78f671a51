import { spawn } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';
import { gotoWhenServed } from './gotoWhenServed.ts';

/** One sample of a long proof session in the browser. */
export interface SessionSample {
  proofs: number;
  /** The page's JS heap (CDP Performance.getMetrics), after a forced GC. */
  pageHeapMb: number;
  /** The proof worker's PostgreSQL: its WebAssembly memory, cached plans, and replacements so far. */
  wasmMb: number;
  cachedPlans: number;
  replacements: number;
}

/** What `measureProofSession` measured: proof round trips (request to report in the store, debounce excluded) and samples. */
export interface ProofSession {
  firstBlock: number[];
  lastBlock: number[];
  samples: SessionSample[];
}

type SessionWindow = {
  erd: {
    store: {
      getState(): { requestProof(): void; proofReport: { results: { verdict: string }[] } | null };
      subscribe(listener: (s: { proofReport: unknown; proofPending: unknown }) => void): () => void;
    };
  };
};

/** Asks for one proof of the open document and resolves with the milliseconds until its report reached the store. */
const proveOnce = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const { store } = (window as unknown as SessionWindow).erd;
        const before = store.getState().proofReport;
        const started = performance.now();
        const stop = store.subscribe((s) => {
          // Results arrive in chunks (with the relationships still pending): the proof is done when none is.
          if (s.proofReport && s.proofReport !== before && s.proofPending === null) {
            stop();
            resolve(performance.now() - started);
          }
        });
        store.getState().requestProof();
      }),
  );

/**
 * Opens the built app (served from dist/ by `vite preview`) in headless Chromium and proves its
 * example document `n` times in a row, as a long editing session would, sampling memory after
 * proofs 50 and n. The 250 ms debounce before each proof is included in the times.
 */
export async function measureProofSession(n: number, block = 50): Promise<ProofSession> {
  const port = 4181;
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: [...chromiumArgs, '--js-flags=--expose-gc'] });
  try {
    const page = await browser.newPage();
    await gotoWhenServed(page, `http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => Boolean((window as Partial<SessionWindow>).erd?.store.getState().proofReport), null, {
      timeout: 60_000,
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const sample = async (proofs: number): Promise<SessionSample> => {
      await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
      const worker = page.workers().find((w) => w.url().includes('proofWorker'))!;
      const stats = await worker.evaluate(() =>
        (self as unknown as { erdWorkerStats(): Promise<{ wasmMb: number; cachedPlans: number; replacements: number }> }).erdWorkerStats(),
      );
      return { proofs, pageHeapMb: Math.round((heap / 2 ** 20) * 10) / 10, ...stats };
    };
    const session: ProofSession = { firstBlock: [], lastBlock: [], samples: [] };
    for (let i = 1; i <= n; i++) {
      const time = await proveOnce(page);
      if (i <= block) session.firstBlock.push(time);
      if (i > n - block) session.lastBlock.push(time);
      if (i === block || i === n) session.samples.push(await sample(i));
    }
    return session;
  } finally {
    await browser.close();
    process.kill(-server.pid!);
  }
}
