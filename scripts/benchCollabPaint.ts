// The browser half of `npm run bench -- --collab`: a remote edit to paint on the other participant, two
// headless Chromium pages on the production build served by `vite preview` (which starts the
// collaboration server beside it: scripts/collabDevServer.ts), both in one room over loopback.
// Local keystroke to paint on the 500-table document is benchCanvas.ts's figure: not measured again here.
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';
import type { ErdDocument } from '../src/model/index.ts';
import { gotoWhenServed } from './gotoWhenServed.ts';
import { servePreview } from './previewServer.ts';
import { largeDocument } from './largeDocument.ts';

const port = 4181;

type State = Record<string, unknown> & {
  proofStatus: string;
  proofError: string | null;
  provedSchema: unknown;
  document: ErdDocument;
  saveStatus: string;
  select(selection: { kind: 'table'; id: string }): void;
};
type PaintWindow = {
  erd: { store: { getState(): State; subscribe(listener: () => void): () => void }; shareLive(): Promise<{ edit: string; view: string }> };
  /** Installed before the app loads (below). */
  paintWatch: { until(selector: string, text: string): Promise<Arrival>; longTasksSince(epochMs: number): number[] };
};

/** Epoch times on B: the store's document changed, and the first frame painted showing the new text (NaN after 5 s without). */
type Arrival = { stored: number; painted: number };

/** Before the app loads: `until` resolves when a frame shows `text` in `selector`, noting when the store changed first; keeps long tasks. */
function paintWatcher() {
  const longTasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask' });
  const afterPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.timeOrigin + performance.now());
        channel.port2.postMessage(0);
      }),
    );
  (window as unknown as PaintWindow).paintWatch = {
    until: (selector, text) =>
      new Promise((resolve) => {
        const giveUpAt = performance.now() + 5000;
        const store = (window as unknown as PaintWindow).erd.store;
        const shownBefore = store.getState().document;
        let stored = NaN;
        const unsubscribe = store.subscribe(() => {
          if (store.getState().document === shownBefore) return;
          stored = performance.timeOrigin + performance.now();
          unsubscribe();
        });
        const poll = () =>
          requestAnimationFrame(() => {
            if (document.querySelector(selector)?.textContent === text) void afterPaint().then((painted) => resolve({ stored, painted }));
            else if (performance.now() > giveUpAt) resolve({ stored, painted: NaN });
            else poll();
          });
        poll();
      }),
    longTasksSince: (epochMs) => longTasks.filter((t) => performance.timeOrigin + t.startTime >= epochMs).map((t) => t.duration),
  };
}

/** Waits until the page's proof of its document has finished, or stopped at its time limit. */
async function waitForProofToSettle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (window as unknown as PaintWindow).erd.store.getState();
      return (s.proofStatus === 'ready' || s.proofStatus === 'error') && (s.provedSchema === s.document.schema || s.proofError !== null);
    },
    null,
    { timeout: 180_000, polling: 250 },
  );
}

/** A participant's page, with a name already given (the page asks once) and the watcher installed. */
async function openPage(browser: Browser, name: string, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({
    // tsx keeps function names with a `__name` helper that the page lacks: give it one.
    content: `globalThis.__name = (f) => f; localStorage.setItem('erd-live-name', ${JSON.stringify(name)}); (${paintWatcher.toString()})();`,
  });
  const page = await context.newPage();
  await gotoWhenServed(page, url);
  await page.waitForFunction(() => 'erd' in window && (window as unknown as PaintWindow).erd.store.getState().saveStatus !== 'loading');
  return page;
}

/** What one document measured: per remote edit, A's store action to B's frame showing it; B's long tasks meanwhile. */
export interface RemotePaint {
  latencies: number[];
  /** Per remote edit, A's store action to B's store holding it, as B's last store subscriber hears (the rest is B's render). */
  toStore: number[];
  /** Per edit, A's store action itself (its commit to the Y.Doc, the send and A's own store subscribers). */
  onA: number[];
  longTasks: number[];
}

/** What A edits and where B shows it: a column name on the small document, a table name on the large one (zoomed out to fit, it draws names only: the table is selected on B so its name is drawn). */
type Target = { tableId: string; selector: string; rename(page: Page, name: string): Promise<{ sentAt: number; actionMs: number }> };

async function targetOn(b: Page, large: boolean): Promise<Target> {
  const nameSelector = '.table-name, .table-outline-name';
  const found = await b.evaluate(
    ([large, nameSelector]) => {
      const doc = (window as unknown as PaintWindow).erd.store.getState().document;
      const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
      const distance = (node: Element) => {
        const r = node.getBoundingClientRect();
        return Math.hypot(r.x + r.width / 2 - (pane.left + pane.width / 2), r.y + r.height / 2 - (pane.top + pane.height / 2));
      };
      const named = [...document.querySelectorAll('.react-flow__node-table')].filter((node) => !large || node.querySelector(nameSelector));
      const nearest = named.sort((p, q) => distance(p) - distance(q))[0] as HTMLElement;
      const table = doc.schema.tables.find((t) => t.id === nearest.dataset.id)!;
      // Selected, its name is always drawn (zoomed out, the overview leaves out names that would overlap).
      if (large) (window as unknown as PaintWindow).erd.store.getState().select({ kind: 'table', id: table.id });
      return { tableId: table.id, columnId: large ? null : table.columns[0]!.id };
    },
    [large, nameSelector] as const,
  );
  const node = `.react-flow__node[data-id="${found.tableId}"]`;
  const act = (page: Page, action: string, args: unknown[]) =>
    page.evaluate(
      ([action, args]) => {
        const sentAt = performance.timeOrigin + performance.now();
        ((window as unknown as PaintWindow).erd.store.getState()[action] as (...a: unknown[]) => void)(...args);
        return { sentAt, actionMs: performance.timeOrigin + performance.now() - sentAt };
      },
      [action, args] as const,
    );
  return large
    ? {
        tableId: found.tableId,
        selector: `${node} :is(${nameSelector})`,
        rename: (page, name) => act(page, 'renameTable', [found.tableId, name]),
      }
    : {
        tableId: found.tableId,
        selector: `${node} .table-row .column-name`,
        rename: (page, name) => act(page, 'updateColumn', [found.tableId, found.columnId, { name }]),
      };
}

/** A shares `erdDocument` live (the first-start example when null), B opens the edit link; A renames `edits` times, 400 ms apart. */
async function measureDocument(browser: Browser, erdDocument: ErdDocument | null, edits: number): Promise<RemotePaint> {
  const url = `http://127.0.0.1:${port}/`;
  const a = await openPage(browser, 'Ada', url);
  if (erdDocument)
    await a.evaluate((d) => ((window as unknown as PaintWindow).erd.store.getState().loadDocument as (d: unknown) => void)(d), erdDocument);
  const links = await a.evaluate(() => (window as unknown as PaintWindow).erd.shareLive());
  const b = await openPage(browser, 'Bea', links.edit);
  await b.locator('[data-testid="live-status"][data-connection="connected"]').waitFor({ timeout: 60_000 });
  await b.locator('.react-flow__node-table').first().waitFor();
  // As benchCanvas measures: after the whole document's proof (each page proves for itself), not during.
  await Promise.all([a, b].map(waitForProofToSettle));
  const target = await targetOn(b, erdDocument !== null);
  await b.waitForTimeout(500);
  const latencies: number[] = [];
  const toStore: number[] = [];
  const onA: number[] = [];
  const began = Date.now();
  for (let i = 0; i < edits; i++) {
    const name = `renamed_remotely_${i}`;
    // Not returned: evaluate would wait for the promise.
    await b.evaluate(
      ([selector, text]) => {
        (window as unknown as { pending: Promise<Arrival> }).pending = (window as unknown as PaintWindow).paintWatch.until(selector, text);
      },
      [target.selector, name] as const,
    );
    const { sentAt, actionMs } = await target.rename(a, name);
    onA.push(actionMs);
    const arrival = await b.evaluate(() => (window as unknown as { pending: Promise<Arrival> }).pending);
    if (Number.isNaN(arrival.painted)) {
      const shown = await b.evaluate((selector) => document.querySelector(selector)?.textContent, target.selector);
      throw new Error(`B never painted the remote rename to ${name} within 5 s (${target.selector} shows ${shown})`);
    }
    latencies.push(arrival.painted - sentAt);
    toStore.push(arrival.stored - sentAt);
    await b.waitForTimeout(400);
  }
  const longTasks = await b.evaluate((since) => (window as unknown as PaintWindow).paintWatch.longTasksSince(since), began);
  await a.context().close();
  await b.context().close();
  return { latencies, toStore, onA, longTasks };
}

/**
 * Builds the app (unless told not to), serves it with `vite preview` on port 4181 and measures remote
 * edit to paint on the first-start example and on the generated 500-table, 600-relationship document.
 */
export async function measureRemotePaint(edits: number, { build = true } = {}): Promise<{ example: RemotePaint; large: RemotePaint }> {
  const server = servePreview(port, { build });
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  try {
    const example = await measureDocument(browser, null, edits);
    const large = await measureDocument(browser, largeDocument(500, 600), edits);
    return { example, large };
  } finally {
    await browser.close();
    server.close();
  }
}
