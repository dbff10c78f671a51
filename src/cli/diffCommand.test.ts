import { describe, expect, it } from 'vitest';
import { serializeProjectFile } from '../io/index.ts';
import { makeVersion, updateColumn, type ErdDocument } from '../model/index.ts';
import { aSchema, ends } from '../testing/factories.ts';
import { memoryCliIo } from '../testing/memoryCliIo.ts';
import { testRunner } from '../testing/testDatabase.ts';
import { main } from './main.ts';

const orders = `CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id integer PRIMARY KEY, customer_id integer NOT NULL REFERENCES customers (id), note text);`;

/** A design with a version "deployed" holding its schema before `title` was renamed `heading`. */
function documentWithVersion(): string {
  const before = aSchema(ends.exactlyOne, ends.zeroOrMany).schema;
  const books = before.tables.find((t) => t.name === 'books')!;
  const title = books.columns.find((c) => c.name === 'title')!;
  const document: ErdDocument = {
    schema: updateColumn(before, books.id, title.id, { name: 'heading' }),
    layout: {},
    versions: [makeVersion('deployed', before, 'marked', new Date('2026-12-03T12:00:00Z'))!],
  };
  return serializeProjectFile(document);
}

async function erd(files: Record<string, string>, ...argv: string[]) {
  const { io, output } = memoryCliIo(files);
  const code = await main(argv, io);
  return { code, ...output };
}

describe('erd diff', () => {
  it('between a version kept in a project file and its current design: a rename is a rename', async () => {
    const { code, stdout } = await erd({ 'design.erd.json': documentWithVersion() }, 'diff', 'design.erd.json@deployed', 'design.erd.json');
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('ALTER TABLE books RENAME COLUMN title TO heading;');
    const down = await erd({ 'design.erd.json': documentWithVersion() }, 'diff', 'design.erd.json@deployed', 'design.erd.json', '--down');
    expect(down.stdout.trim()).toBe('ALTER TABLE books RENAME COLUMN heading TO title;');
  });

  it('between two SQL files, by name: a dropped column is data loss (exit 1) unless allowed; a likely rename is proposed', async () => {
    const files = { 'old.sql': orders, 'new.sql': orders.replace(', note text', ', remark text') };
    const refused = await erd(files, 'diff', 'old.sql', 'new.sql');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('-- DATA LOSS:');
    expect(refused.stdout).toContain('DROP COLUMN note');
    expect(refused.stderr).toContain('maybe a rename');
    expect(refused.stderr).toContain('--allow-data-loss');
    expect((await erd(files, 'diff', 'old.sql', 'new.sql', '--allow-data-loss')).code).toBe(0);
    const confirmed = await erd(files, 'diff', 'old.sql', 'new.sql', '--renames', 'orders.note=orders.remark');
    expect(confirmed).toMatchObject({ code: 0, stdout: 'ALTER TABLE orders RENAME COLUMN note TO remark;\n' });
  });

  it('prints nothing and exits 0 when the two agree; --json gives the steps', async () => {
    expect(await erd({ 'a.sql': orders, 'b.sql': orders }, 'diff', 'a.sql', 'b.sql')).toMatchObject({ code: 0, stdout: '' });
    const json = await erd(
      { 'a.sql': orders, 'b.sql': orders.replace('note text', 'note text, total numeric') },
      'diff',
      'a.sql',
      'b.sql',
      '--json',
    );
    expect(JSON.parse(json.stdout).up).toEqual([
      expect.objectContaining({ kind: 'addColumn', sql: 'ALTER TABLE orders ADD COLUMN total numeric;' }),
    ]);
  });

  it('says what is wrong: a missing version, a bad --renames, a missing file', async () => {
    const files = { 'design.erd.json': documentWithVersion() };
    const noVersion = await erd(files, 'diff', 'design.erd.json@prod', 'design.erd.json');
    expect(noVersion).toMatchObject({ code: 2, stderr: expect.stringContaining('has no version "prod" (its versions: "deployed")') });
    expect(await erd(files, 'diff', 'design.erd.json', 'design.erd.json', '--renames', 'x')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('"x" is not old=new'),
    });
    expect(await erd(files, 'diff', 'gone.sql', 'design.erd.json')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('gone.sql: cannot read'),
    });
  });

  it('--prove builds FROM with rows, migrates, and checks catalog, rows, relationships and down in PostgreSQL', async () => {
    const files = { 'old.sql': orders, 'new.sql': orders.replace(', note text', ', remark text') };
    const { io, output } = memoryCliIo(files);
    io.openDatabase = async () => ({ runner: await testRunner(), close: async () => {} });
    const code = await main(['diff', 'old.sql', 'new.sql', '--renames', 'orders.note=orders.remark', '--prove'], io);
    expect(output.stdout.match(/^PROVEN {2}.*$/gm)).toEqual([
      'PROVEN  The migrated database equals a fresh build of the new schema',
      'PROVEN  The sample rows are all still there',
      'PROVEN  The relationship proofs pass on the migrated database',
      'PROVEN  The down migration brings back the old schema',
    ]);
    expect(output.stdout).toContain('1 step; 4 of 4 checks passed');
    expect(code).toBe(0);
  });

  it('--prove says the possible renames and, like the plain diff, exits 1 on a step that can lose data unless allowed', async () => {
    const files = { 'old.sql': orders, 'new.sql': orders.replace(', note text', ', remark text') };
    const { io, output } = memoryCliIo(files);
    io.openDatabase = async () => ({ runner: await testRunner(), close: async () => {} });
    const refused = await main(['diff', 'old.sql', 'new.sql', '--prove'], io);
    // The drop is declared in the script, so the proof passes; the gate is the script's, as without --prove.
    expect(output.stdout).toContain('2 steps; 4 of 4 checks passed');
    expect(output.stderr).toContain('erd diff: maybe a rename: orders.note -> orders.remark; confirm it with --renames\n');
    expect(output.stderr).toContain('erd diff: can lose data: drops column orders.note and its values\n');
    expect(output.stderr).toMatch(/pass --allow-data-loss to exit 0 anyway\n$/);
    expect(refused).toBe(1);
    output.stderr = '';
    expect(await main(['diff', 'old.sql', 'new.sql', '--prove', '--allow-data-loss'], io)).toBe(0);
    expect(output.stderr).toContain('maybe a rename');
    expect(output.stderr).not.toContain('--allow-data-loss');
  });

  it('--prove reports a down script PostgreSQL refuses (a NOT NULL column re-added over rows) as a failed check, not a crash', async () => {
    const files = { 'old.sql': orders.replace(', note text', ', note text NOT NULL'), 'new.sql': orders.replace(', note text', '') };
    const { io, output } = memoryCliIo(files);
    io.openDatabase = async () => ({ runner: await testRunner(), close: async () => {} });
    const code = await main(['diff', 'old.sql', 'new.sql', '--prove', '--allow-data-loss'], io);
    expect(output.stdout).toMatch(/^FAILED {2}The down migration brings back the old schema$/m);
    expect(output.stdout).toContain('23502');
    expect(output.stdout).toContain('1 step; 3 of 4 checks passed');
    expect(code).toBe(1);
  });
});
