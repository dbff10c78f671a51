// How long keeping a 500-table document blocks the page: the longest main-thread task (Chromium's
// long-task observer) while each autosave is written, and what the synchronous edit journal adds to
// an edit. Run against a served build: `npm run build && npm run preview`, then
// `npx tsx scripts/benchSave.ts [URL]` (default http://127.0.0.1:4173/).
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium.ts';
import { serializeProjectFile } from '../src/io/projectFile.ts';
import { largeDocument } from './largeDocument.ts';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const saves = 10;

interface Figures {
  /** Per save: the longest task (ms) that started between "Saving…" and "Saved", 0 when none reached 50 ms. */
  longestTaskPerSave: number[];
  /** Per edit: milliseconds spent in localStorage.setItem for the journal. */
  journalWrites: number[];
}

const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page
    .getByTestId('save-status')
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 60_000 });
  const text = serializeProjectFile(largeDocument(500, 600));
  const transfer = await page.evaluateHandle((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'large.erd.json', { type: 'application/json' }));
    return data;
  }, text);
  await page.locator('.react-flow__pane').dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByRole('button', { name: 'Documents: large' }).waitFor({ timeout: 120_000 });
  await page
    .getByTestId('save-status')
    .filter({ hasText: /^Saved$/ })
    .waitFor({ timeout: 120_000 });
  await page.evaluate('window.__name = (f) => f'); // tsx names the functions below with a helper the page lacks
  const figures = await page.evaluate(async (count): Promise<Figures> => {
    type Store = {
      getState(): {
        document: { layout: Record<string, { x: number; y: number }> };
        saveStatus: string;
        handleNodesChange(changes: unknown[]): void;
      };
      subscribe(listener: (s: { saveStatus: string }) => void): () => void;
    };
    const store = (window as unknown as { erd: { store: Store } }).erd.store;
    const tasks: { start: number; duration: number }[] = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push({ start: e.startTime, duration: e.duration }))).observe({
      type: 'longtask',
    });
    const journalWrites: number[] = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      const started = performance.now();
      setItem.call(this, key, value);
      if (key.startsWith('erd-proof.journal.')) journalWrites.push(performance.now() - started);
    };
    const status = (wanted: string) =>
      new Promise<number>((resolve) => {
        const stop = store.subscribe((s) => {
          if (s.saveStatus !== wanted) return;
          stop();
          resolve(performance.now());
        });
      });
    const longestTaskPerSave: number[] = [];
    const id = Object.keys(store.getState().document.layout)[0]!;
    for (let i = 0; i < count; i++) {
      // A move is the cheapest edit: what blocks between "Saving…" and "Saved" is the save itself.
      const saving = status('saving');
      const saved = status('saved');
      store.getState().handleNodesChange([{ type: 'position', id, position: { x: 40 * (i + 1), y: 0 }, dragging: false }]);
      const [from, to] = [await saving, await saved];
      await new Promise((resolve) => setTimeout(resolve, 300));
      longestTaskPerSave.push(Math.max(0, ...tasks.filter((t) => t.start + t.duration >= from && t.start <= to).map((t) => t.duration)));
    }
    return { longestTaskPerSave, journalWrites };
  }, saves);
  const round = (values: number[]) => values.map((v) => Math.round(v));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  console.log(`500-table document (${(text.length / 1e6).toFixed(2)} MB), ${saves} autosaves`);
  console.log(
    `longest task during each save (ms, 0 = none of 50 ms or more): ${round(figures.longestTaskPerSave).join(' ')}; max ${Math.round(Math.max(...figures.longestTaskPerSave))}`,
  );
  const writes = figures.journalWrites;
  console.log(
    writes.length === 0
      ? 'no journal writes (a build without the edit journal)'
      : `journal write per edit (localStorage.setItem, ms): median ${median(writes).toFixed(1)}, max ${Math.max(...writes).toFixed(1)}`,
  );
} finally {
  await browser.close();
}
