import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startCollabServer, type CollabServer } from '../src/server/startCollabServer.ts';
import { shippedDataDir } from '../src/cli/shippedDataDir.ts';
import { Participant } from './livePage.ts';

// The spec runs its own `erd serve` (the built app and the rooms on one port) so it can stop the
// server and start it again on the same port and rooms, as an operator's restart would.
const dist = process.env.E2E_DIST ?? 'dist';
const rooms = mkdtempSync(join(tmpdir(), 'erd-live-e2e-'));
let server: CollabServer;
let port = 0;

async function startServer(): Promise<void> {
  server = await startCollabServer({
    port,
    host: '127.0.0.1',
    storage: { dir: rooms, startingDataDir: shippedDataDir() },
    staticDir: dist,
    log: () => undefined,
  });
  port = server.port;
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(startServer);
test.afterAll(async () => {
  await server?.stop();
  rmSync(rooms, { recursive: true, force: true });
});

/** A shares the first-start example live and B opens the edit link: both connected, on one document. */
async function aRoomOfTwo(browser: Parameters<typeof Participant.open>[0]) {
  const ada = await Participant.open(browser, 'Ada', `${server.httpUrl}/`);
  const links = await ada.shareLive();
  await expect(ada.page.getByRole('dialog', { name: 'Share live' })).toContainText(
    'whoever runs that server (or its database) can read it',
  );
  await ada.page.getByRole('button', { name: 'Close' }).click();
  const bea = await Participant.open(browser, 'Bea', `${server.httpUrl}/`);
  await bea.join(links.edit);
  await expect(ada.status).toHaveAttribute('data-connection', 'connected');
  expect(await bea.document()).toEqual(await ada.document());
  return { ada, bea, links };
}

test('A renames a column and B sees it within a second; a proof runs in both', async ({ browser }) => {
  const { ada, bea } = await aRoomOfTwo(browser);
  // Both first finish the proof joining started, so the second measures delivery, not two PGlites starting on two cores.
  await Promise.all([ada.expectProved(), bea.expectProved()]);
  const table = (await ada.document()).schema.tables[0]!;
  await ada.act('updateColumn', table.id, table.columns[0]!.id, { name: 'renamed_live' });
  await expect.poll(() => bea.columnNames(table.id), { timeout: 1000 }).toContain('renamed_live');
  await Promise.all([ada.expectProved(), bea.expectProved()]);
  await expect(bea.page.getByTestId('table-node').getByText('renamed_live')).toBeVisible();
});

test('B’s cursor and selection show on A’s canvas, with who is here', async ({ browser }) => {
  const { ada, bea } = await aRoomOfTwo(browser);
  const table = (await bea.document()).schema.tables[0]!;
  const node = bea.page.locator(`.react-flow__node[data-id="${table.id}"]`);
  await node.click();
  const box = (await bea.page.getByRole('application', { name: 'Diagram' }).boundingBox())!;
  await bea.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });

  await expect(ada.page.getByRole('list', { name: 'Who is here' })).toContainText('Bea');
  await expect(ada.page.getByTestId('peer-cursor')).toHaveAccessibleName('Bea’s pointer');
  await expect(ada.page.getByTestId('peer-selection')).toHaveText('Bea');
  await expect(ada.page.locator(`.react-flow__node[data-id="${table.id}"]`)).toHaveCSS('outline-style', 'solid');
  await ada.page.screenshot({ path: `${dist}-screens/live-a-sees-b.png` });

  // Follow: A's view goes where B looks, and stops following on A's own wheel.
  await ada.page.getByRole('button', { name: 'Follow Bea' }).click();
  await bea.page.mouse.wheel(0, -400);
  const beaZoom = () => bea.page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
  const adaZoom = () => ada.page.evaluate(() => (document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
  await expect.poll(async () => /scale\(([\d.]+)\)/.exec(await adaZoom())?.[1]).toBe(/scale\(([\d.]+)\)/.exec(await beaZoom())?.[1]);
  await ada.page.getByRole('application', { name: 'Diagram' }).hover();
  await ada.page.mouse.wheel(0, 300);
  await expect(ada.page.getByRole('button', { name: 'Follow Bea' })).toHaveAttribute('aria-pressed', 'false');
});

test('A’s Undo does not undo B’s edit', async ({ browser }) => {
  const { ada, bea } = await aRoomOfTwo(browser);
  const [first, second] = (await ada.document()).schema.tables;
  await ada.act('renameTable', first!.id, 'ada_named');
  await expect.poll(() => bea.tableName(first!.id)).toBe('ada_named');
  await bea.act('renameTable', second!.id, 'bea_named');
  await expect.poll(() => ada.tableName(second!.id)).toBe('bea_named');

  await ada.page.getByRole('button', { name: 'Undo' }).click();
  for (const person of [ada, bea]) {
    await expect.poll(() => person.tableName(first!.id)).toBe(first!.name);
    await expect.poll(() => person.tableName(second!.id)).toBe('bea_named');
  }
});

test('B edits while the server is stopped; both converge after it restarts', async ({ browser }) => {
  const { ada, bea } = await aRoomOfTwo(browser);
  const [first, second] = (await ada.document()).schema.tables;
  await server.stop();
  // stop() closes every socket, so the pages see the server gone at once.
  for (const person of [ada, bea]) await expect(person.status).not.toHaveAttribute('data-connection', 'connected', { timeout: 10_000 });
  await bea.act('renameTable', first!.id, 'bea_offline');
  await ada.act('renameTable', second!.id, 'ada_offline');
  expect(await ada.tableName(first!.id)).toBe(first!.name); // nothing travels while the server is down

  await startServer();
  for (const person of [ada, bea]) await expect(person.status).toHaveAttribute('data-connection', 'connected', { timeout: 45_000 });
  for (const person of [ada, bea]) {
    await expect.poll(() => person.tableName(first!.id), { timeout: 15_000 }).toBe('bea_offline');
    await expect.poll(() => person.tableName(second!.id), { timeout: 15_000 }).toBe('ada_offline');
  }
  expect(await bea.document()).toEqual(await ada.document());
});

test('the view-only link cannot change anything', async ({ browser }) => {
  const { ada, links } = await aRoomOfTwo(browser);
  const cleo = await Participant.open(browser, 'Cleo', `${server.httpUrl}/`);
  await cleo.join(links.view);
  await expect(cleo.status).toHaveAttribute('data-read-only', 'true');
  await expect(cleo.status).toContainText('read-only');
  const table = (await cleo.document()).schema.tables[0]!;
  await cleo.act('renameTable', table.id, 'cleo_was_here');
  await cleo.act('deleteTable', table.id);
  expect(await cleo.tableName(table.id)).toBe(table.name);
  await expect(cleo.page.locator('fieldset.inspector-frame')).toHaveAttribute('disabled', '');

  // A's edits still reach the viewer, and nothing of the viewer's reached A.
  await ada.act('renameTable', table.id, 'ada_renamed');
  await expect.poll(() => cleo.tableName(table.id)).toBe('ada_renamed');
  expect(await ada.tableName(table.id)).toBe('ada_renamed');
  await cleo.expectProved();
});

test('the name is asked once, shown to the others, and remembered; another document leaves the room', async ({ browser }) => {
  const { ada, links } = await aRoomOfTwo(browser);
  const dee = await Participant.open(browser, null, `${server.httpUrl}/`);
  await dee.join(links.edit);
  await dee.page.getByLabel('Your name, as others see it').fill('Dee');
  await dee.page.getByRole('button', { name: 'Use this name' }).click();
  await expect(ada.page.getByRole('list', { name: 'Who is here' })).toContainText('Dee');

  await dee.page.reload();
  await expect(dee.status).toHaveAttribute('data-connection', 'connected');
  await expect(dee.page.getByRole('list', { name: 'Who is here' })).toContainText('Dee (you)');
  await expect(dee.page.getByLabel('Your name, as others see it')).toHaveCount(0);

  // Opening another document leaves the room: the others no longer list Dee, and a reload does not rejoin.
  await dee.page.getByRole('button', { name: 'New blank diagram' }).click();
  await expect(dee.status).toHaveCount(0);
  expect(new URL(dee.page.url()).hash).toBe('');
  await expect(ada.page.getByRole('list', { name: 'Who is here' })).not.toContainText('Dee');
});
