import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';
import type { ErdDocument } from '../src/model/index.ts';
import { largeDocument } from './largeDocument.ts';
import { gotoWhenServed } from './gotoWhenServed.ts';
import { servePreview } from './previewServer.ts';

/** Frame times (the gaps between animation frames) and main-thread long tasks during one interaction. */
export interface FrameStats {
  frames: number;
  /** Frames per second over the whole interaction: the median frame hides the long ones. */
  fps: number;
  median: number;
  p95: number;
  longTasks: number;
  longTaskMs: number;
}

/** What one run measured on the large document. */
export interface CanvasRun {
  /** `loadDocument` called to the first frame painted with every drawn table measured and visible. */
  firstRender: number;
  panZoomedOut: FrameStats;
  panAt100: FrameStats;
  zoom: FrameStats;
  /** Keydown in the inspector's column name to the frame that painted it, per keystroke, with the Proof tab open (as on start). */
  keystrokes: number[];
  /** Keydown to the frame that showed the new name in the column's row on the canvas (the document has it then). */
  keystrokesToCanvas: number[];
  /** The same with the SQL console tab open instead: the canvas and the inspector without the Proof panel's scenario list. */
  keystrokesWithoutProofPanel: number[];
  /** The same with the Migration tab open instead, its base the document as loaded: each keystroke changes the migration too. */
  keystrokesWithMigrationTab: number[];
}

const port = 4180;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
};

/** Installed before the app loads: an rAF loop that records frame gaps and a long-task observer, started and stopped by the bench. */
function frameRecorder() {
  const state = { gaps: [] as number[], last: 0, running: false, generation: 0, startedAt: 0 };
  let keyWatch = new AbortController();
  // Long-task entries arrive late (the observer's callback is idle-time work): keep them all and pick by start time.
  const longTasks: PerformanceEntry[] = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask' });
  const loop = (generation: number) => (time: number) => {
    if (!state.running || generation !== state.generation) return;
    if (state.last) state.gaps.push(time - state.last);
    state.last = time;
    requestAnimationFrame(loop(generation));
  };
  const afterPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  (window as unknown as { bench: unknown }).bench = {
    start() {
      Object.assign(state, { gaps: [], last: 0, running: true, generation: state.generation + 1, startedAt: performance.now() });
      requestAnimationFrame(loop(state.generation));
    },
    async stop() {
      state.running = false;
      const stoppedAt = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const during = longTasks.filter((t) => t.startTime >= state.startedAt && t.startTime < stoppedAt).map((t) => t.duration);
      return { gaps: state.gaps, longTasks: during };
    },
    afterPaint,
    /**
     * Records, per keydown in `selector`, the time from the key event to the frame painted after it, and
     * to the frame that first showed the field's new text in the canvas: row `row` of table `tableId`.
     */
    watchKeys(selector: string, tableId: string, row: number) {
      const latencies: number[] = [];
      const toCanvas: number[] = [];
      const field = document.querySelector<HTMLInputElement>(selector)!;
      keyWatch.abort(); // a previous run's listeners on the same field
      keyWatch = new AbortController();
      const { signal } = keyWatch;
      let keyTime = 0;
      field.addEventListener(
        'keydown',
        (event) => {
          keyTime = event.timeStamp;
          void afterPaint().then((end) => latencies.push(end - keyTime));
        },
        { capture: true, signal },
      );
      field.addEventListener(
        'input',
        () => {
          const start = keyTime;
          const text = field.value;
          const shown = () =>
            document.querySelectorAll(`.react-flow__node[data-id="${tableId}"] .table-row .column-name`)[row]?.textContent === text;
          // Keys faster than a frame may be committed together: a text the canvas never shows is given up after 2 s.
          const poll = (framesLeft: number) =>
            requestAnimationFrame(() =>
              shown()
                ? void afterPaint().then((end) => toCanvas.push(end - start))
                : framesLeft > 0 && !signal.aborted && poll(framesLeft - 1),
            );
          poll(120);
        },
        { signal },
      );
      return { latencies, toCanvas };
    },
  };
}

/** Per keystroke: to the paint of the field, and to the paint of the canvas row showing the same text. */
interface KeyTimes {
  latencies: number[];
  toCanvas: number[];
}

type BenchWindow = {
  bench: {
    start(): void;
    stop(): Promise<{ gaps: number[]; longTasks: number[] }>;
    afterPaint(): Promise<number>;
    watchKeys(selector: string, tableId: string, row: number): KeyTimes;
  };
  keyTimes: KeyTimes;
  erd: {
    store: {
      getState(): {
        loadDocument(d: ErdDocument): void;
        markVersion(name: string): string | null;
        select(selection: { kind: 'table'; id: string }): void;
        proofStatus: string;
        proofError: string | null;
        provedSchema: unknown;
        document: { schema: unknown };
      };
    };
  };
};

async function recordFrames(page: Page, interact: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => (window as unknown as BenchWindow).bench.start());
  await interact();
  const { gaps, longTasks } = await page.evaluate(() => (window as unknown as BenchWindow).bench.stop());
  return {
    frames: gaps.length,
    fps:
      (gaps.length * 1000) /
      Math.max(
        1,
        gaps.reduce((a, b) => a + b, 0),
      ),
    median: percentile(gaps, 0.5),
    p95: percentile(gaps, 0.95),
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((a, b) => a + b, 0),
  };
}

/** A point on the empty canvas (not on a table, edge or panel), where a drag pans. */
async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let fy = 0.5; fy < 0.95; fy += 0.013) {
      for (let fx = 0.3; fx < 0.7; fx += 0.011) {
        const x = pane.left + pane.width * fx;
        const y = pane.top + pane.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error('no empty spot on the canvas to pan from');
  return point;
}

async function pan(page: Page): Promise<void> {
  const start = await emptyCanvasPoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const path = [
    [-300, -200],
    [300, 200],
    [0, 0],
  ] as const;
  let from = { x: 0, y: 0 };
  for (const [dx, dy] of path) {
    for (let i = 1; i <= 40; i++) {
      await page.mouse.move(start.x + from.x + ((dx - from.x) * i) / 40, start.y + from.y + ((dy - from.y) * i) / 40);
      await page.waitForTimeout(8);
    }
    from = { x: dx, y: dy };
  }
  await page.mouse.up();
}

async function wheel(page: Page, deltaY: number, times: number): Promise<void> {
  const box = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < times; i++) {
    await page.mouse.wheel(0, deltaY);
    await page.waitForTimeout(40);
  }
}

const zoomOf = (page: Page) =>
  page.evaluate(() => Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)?.[1]));

/** Waits until the proof of the current schema has finished, or was stopped at its time limit. */
async function waitForProofToSettle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (window as unknown as Partial<BenchWindow>).erd?.store.getState();
      return (
        s !== undefined &&
        (s.proofStatus === 'ready' || s.proofStatus === 'error') &&
        (s.provedSchema === s.document.schema || s.proofError !== null)
      );
    },
    null,
    { timeout: 180_000, polling: 250 },
  );
}

async function measureOnce(page: Page, erdDocument: ErdDocument): Promise<CanvasRun> {
  await page.goto(`http://127.0.0.1:${port}/`);
  await waitForProofToSettle(page);

  const firstRender = await page.evaluate(async (doc) => {
    const w = window as unknown as BenchWindow;
    const start = performance.now();
    w.erd.store.getState().loadDocument(doc);
    const firstId = (doc.schema as { tables: { id: string }[] }).tables[0]!.id;
    for (;;) {
      const end = await w.bench.afterPaint();
      const drawn = document.querySelector(`.react-flow__node[data-id="${firstId}"]`);
      const hidden = document.querySelector('.react-flow__node[style*="visibility: hidden"]');
      if (drawn && !hidden) return end - start;
    }
  }, erdDocument);
  // The whole document is proved in the worker (on this machine it runs into the 20 s limit): measure the canvas after, not during.
  await waitForProofToSettle(page);

  await page.keyboard.press('f');
  await page.waitForTimeout(600);
  if ((await zoomOf(page)) >= 0.45) throw new Error('fit view did not zoom out far enough to draw table names only');
  const panZoomedOut = await recordFrames(page, () => pan(page));
  const zoomIn = await recordFrames(page, () => wheel(page, -100, 18));
  if ((await zoomOf(page)) < 0.9) throw new Error(`zooming in stopped at ${await zoomOf(page)}`);
  await page.waitForTimeout(300);
  const panAt100 = await recordFrames(page, () => pan(page));
  const zoomOut = await recordFrames(page, () => wheel(page, 100, 18));
  const zoom: FrameStats = {
    frames: zoomIn.frames + zoomOut.frames,
    fps: (zoomIn.fps + zoomOut.fps) / 2,
    median: (zoomIn.median + zoomOut.median) / 2,
    p95: Math.max(zoomIn.p95, zoomOut.p95),
    longTasks: zoomIn.longTasks + zoomOut.longTasks,
    longTaskMs: zoomIn.longTaskMs + zoomOut.longTaskMs,
  };

  // Select the table nearest the middle of the canvas at 100% (through the store: a click there may land on an edge's badge), then type into its second column's name in the inspector.
  await wheel(page, -100, 18);
  await page.waitForTimeout(300);
  const tableId = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    const centre = { x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 };
    const tables = [...document.querySelectorAll<HTMLElement>('.react-flow__node-table')].map((node) => {
      const r = node.getBoundingClientRect();
      return { node, distance: Math.hypot(r.x + r.width / 2 - centre.x, r.y + r.height / 2 - centre.y) };
    });
    const nearest = tables.sort((a, b) => a.distance - b.distance)[0]!.node;
    (window as unknown as BenchWindow).erd.store.getState().select({ kind: 'table', id: nearest.dataset.id! });
    return nearest.dataset.id!;
  });
  const field = page.getByLabel('Column name').nth(1);
  await field.click();
  await field.press('End');
  await field.evaluate((input) => (input.id ||= 'bench-column-name'));
  const selector = `[id="${await field.getAttribute('id')}"]`;
  const typeAndErase = async () => {
    await page.evaluate(
      ([sel, table]) => ((window as unknown as BenchWindow).keyTimes = (window as unknown as BenchWindow).bench.watchKeys(sel, table, 1)),
      [selector, tableId] as const,
    );
    await field.pressSequentially('_renamed_while_measuring_keys', { delay: 110 });
    for (let i = 0; i < 29; i++) await field.press('Backspace', { delay: 0 }).then(() => page.waitForTimeout(110));
    await page.waitForTimeout(300);
    return page.evaluate(() => (window as unknown as BenchWindow).keyTimes);
  };
  const { latencies: keystrokes, toCanvas: keystrokesToCanvas } = await typeAndErase();
  await page.getByRole('tab', { name: 'SQL console' }).click();
  await page.waitForTimeout(1500);
  await field.click();
  await field.press('End');
  const { latencies: keystrokesWithoutProofPanel } = await typeAndErase();
  // The text typed was erased: the version marked now is the document as loaded, and the Migration tab diffs the design against it.
  await page.evaluate(() => (window as unknown as BenchWindow).erd.store.getState().markVersion('as loaded'));
  await page.getByRole('tab', { name: 'Migration' }).click();
  await page.getByText('No changes since as loaded').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1500);
  await field.click();
  await field.press('End');
  const { latencies: keystrokesWithMigrationTab } = await typeAndErase();
  return {
    firstRender,
    panZoomedOut,
    panAt100,
    zoom,
    keystrokes,
    keystrokesToCanvas,
    keystrokesWithoutProofPanel,
    keystrokesWithMigrationTab,
  };
}

/**
 * Opens the production build in headless Chromium `runs` times (a fresh context each), loads the
 * generated 500-table, 600-relationship document through the test API (`window.erd.store`), and
 * measures first render, panning and zooming frames, and keystroke-to-paint in the inspector.
 */
export async function measureLargeCanvas(runs: number, { build = true } = {}): Promise<CanvasRun[]> {
  const server = servePreview(port, { build });
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const erdDocument = largeDocument(500, 600);
  try {
    const results: CanvasRun[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      // tsx keeps function names with a `__name` helper that the page lacks: give it one.
      await context.addInitScript({ content: `globalThis.__name = (f) => f; (${frameRecorder.toString()})();` });
      const page = await context.newPage();
      await gotoWhenServed(page, `http://127.0.0.1:${port}/`);
      results.push(await measureOnce(page, erdDocument));
      await context.close();
    }
    return results;
  } finally {
    await browser.close();
    server.close();
  }
}

/** The median and 95th percentile of a list, for the printed figures. */
export function medianAndP95(values: number[]): { median: number; p95: number } {
  return { median: percentile(values, 0.5), p95: percentile(values, 0.95) };
}

/** One printed figure: its name, the values whose median it reports, and what else to print beside it. */
export interface CanvasFigure {
  name: string;
  times: number[];
  aim?: string;
  detail?: Record<string, number>;
}

const median = (values: number[]) => percentile(values, 0.5);
const round = (n: number) => Math.round(n * 10) / 10;

/** The large-document figures for `npm run bench`: per-run medians for frames, every keystroke pooled. */
export function canvasFigures(runs: CanvasRun[]): CanvasFigure[] {
  const frames = (name: string, pick: (r: CanvasRun) => FrameStats): CanvasFigure => ({
    name,
    times: runs.map((r) => pick(r).median),
    aim: 'under 16.7 ms (60 fps)',
    detail: {
      p95: round(median(runs.map((r) => pick(r).p95))),
      fps: round(median(runs.map((r) => pick(r).fps))),
      frames: median(runs.map((r) => pick(r).frames)),
      longTasks: median(runs.map((r) => pick(r).longTasks)),
      longTaskMs: round(median(runs.map((r) => pick(r).longTaskMs))),
    },
  });
  const keys = runs.flatMap((r) => r.keystrokes);
  const keysAlone = runs.flatMap((r) => r.keystrokesWithoutProofPanel);
  const keysToCanvas = runs.flatMap((r) => r.keystrokesToCanvas);
  const keysMigrating = runs.flatMap((r) => r.keystrokesWithMigrationTab);
  return [
    {
      name: '500 tables / 600 relationships: document loaded to tables painted (headless Chromium)',
      times: runs.map((r) => r.firstRender),
    },
    frames('500 tables: frame time panning zoomed out (names only)', (r) => r.panZoomedOut),
    frames('500 tables: frame time panning at 100%', (r) => r.panAt100),
    frames('500 tables: frame time zooming in and out across 45%', (r) => r.zoom),
    {
      name: '500 tables: keystroke in a column name (inspector) to paint, Proof tab open',
      times: keys,
      aim: 'under 16 ms',
      detail: { p95: round(percentile(keys, 0.95)), keystrokes: keys.length },
    },
    {
      name: '500 tables: keystroke in a column name to the canvas row showing it, Proof tab open',
      times: keysToCanvas,
      detail: { p95: round(percentile(keysToCanvas, 0.95)), keystrokes: keysToCanvas.length },
    },
    {
      name: '500 tables: keystroke in a column name to paint, SQL console tab open instead',
      times: keysAlone,
      aim: 'under 16 ms',
      detail: { p95: round(percentile(keysAlone, 0.95)), keystrokes: keysAlone.length },
    },
    {
      name: '500 tables: keystroke in a column name to paint, Migration tab open instead (base: the document as loaded)',
      times: keysMigrating,
      aim: 'as with the SQL console tab (the figure above)',
      detail: {
        p95: round(percentile(keysMigrating, 0.95)),
        keystrokes: keysMigrating.length,
        sqlConsoleTabMedian: round(median(keysAlone)),
        sqlConsoleTabP95: round(percentile(keysAlone, 0.95)),
      },
    },
  ];
}
