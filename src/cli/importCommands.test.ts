import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseProjectFile } from '../io/index.ts';
import { hasCorpusFile, readCorpusFile } from '../testing/corpus.ts';
import { memoryCliIo } from '../testing/memoryCliIo.ts';
import { main, nodeIo, type CliIo } from './main.ts';
import { estimatedSize, overlappingTables } from '../layout/autoLayout.ts';

const hasPagila = hasCorpusFile('pagila-schema.sql');
const pagila = readCorpusFile('pagila-schema.sql');

/** Runs `erd` in-process on files held in memory, importing SQL on the shared test PGlite. */
async function erd(files: Record<string, string>, ...args: string[]) {
  const { io, output } = memoryCliIo(files);
  const code = await main(args, io);
  return { code, ...output };
}

/** Runs `erd` with the real process io (the import in a worker thread), capturing what it prints. */
async function erdInProcess(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo(), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  return { code: await main(args, io), stdout, stderr };
}

const shop = `CREATE TABLE authors (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE books (
  id int PRIMARY KEY,
  author_id int NOT NULL REFERENCES authors
);
GRANT SELECT ON books TO PUBLIC;
`;

describe('erd on a .sql file', () => {
  it.skipIf(!hasPagila)('ddl reads pg_dump output through PostgreSQL and keeps stdout for the DDL', async () => {
    const { code, stdout, stderr } = await erd({ 'pagila-schema.sql': pagila }, 'ddl', 'pagila-schema.sql');
    expect(code).toBe(0);
    expect(stdout).toContain('CREATE TABLE film (');
    expect(stdout).not.toContain('erd:');
    expect(stderr).toMatch(
      /^erd: pagila-schema\.sql: imported 16 tables and 22 relationships; skipped: .*106 OWNER TO, .*; \d notes on what was read differently\n {2}Line 489: extension "vector" is not available here/,
    );
    // The few notes fit: every one is listed, none left to `erd import`; the generated column and the key order are kept, so no note says otherwise.
    const count = Number(/; (\d) notes on what/.exec(stderr)![1]);
    expect(stderr.split('\n')).toHaveLength(1 + count + 1);
    expect(stderr).not.toContain('more (erd import');
    expect(stderr).not.toMatch(/generated column|primary key of/);
  });

  it('names the file, the line, the statement and PostgreSQL detail of a refused script, exit 2', async () => {
    const script = `CREATE TABLE a (id int PRIMARY KEY);\n\nCREATE TABLE b (\n  id int PRIMARY KEY,\n  a_id int REFERENCES nowhere\n);\n`;
    expect(await erd({ 'bad.sql': script }, 'mermaid', 'bad.sql')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'erd: bad.sql:3: relation "nowhere" does not exist\n  CREATE TABLE b (\n    id int PRIMARY KEY,\n    a_id int REFERENCES nowhere\n  );\n',
    });
  });

  it('shows the first lines of a long statement, and DETAIL and HINT', async () => {
    const script = `CREATE TABLE a (\n  id int PRIMARY KEY,\n  b int,\n  c int,\n  d int,\n  e int\n);\nINSERT INTO a VALUES (1, 1, 1, 1, 1, 1);\nALTER TABLE a ADD CONSTRAINT a_b CHECK (b > 1);\n`;
    const { code, stderr } = await erd(
      {
        'long.sql': script
          .replace('INSERT INTO a VALUES (1, 1, 1, 1, 1, 1);\n', '')
          .replace('e int\n', 'e int,\n  f int REFERENCES a (b)\n'),
      },
      'lint',
      'long.sql',
    );
    expect(code).toBe(2);
    expect(stderr).toBe(
      'erd: long.sql:1: there is no unique constraint matching given keys for referenced table "a"\n' +
        '  CREATE TABLE a (\n    id int PRIMARY KEY,\n    b int,\n    c int,\n  … (4 more lines)\n',
    );
  });
});

describe('erd import', () => {
  it.skipIf(!hasPagila)('writes a project file that reads back with every table and relationship, and says so in one line', async () => {
    const files: Record<string, string> = { 'pagila-schema.sql': pagila };
    const { code, stdout, stderr } = await erd(files, 'import', 'pagila-schema.sql', '-o', 'pagila.erd.json');
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toMatch(
      /^erd: pagila-schema\.sql: imported 16 tables and 22 relationships; skipped: 1 SET client_encoding, 106 OWNER TO, 1 CREATE EXTENSION, /,
    );
    expect(stderr.split('\n')).toHaveLength(1 + Number(/; (\d) notes on what/.exec(stderr)![1]) + 1);
    const loaded = parseProjectFile(files['pagila.erd.json']!);
    expect(loaded.ok && [loaded.document.schema.tables.length, loaded.document.schema.relationships.length]).toEqual([16, 22]);
    expect(loaded.ok && loaded.document.notes?.[0]?.text).toMatch(/^Notes from the import:\n• Line 489: extension "vector"/);
    expect(loaded.ok && Object.keys(loaded.document.layout)).toHaveLength(16);
    // Laid out by ELK as in the app: referenced tables left of the tables that reference them, none overlapping.
    if (!loaded.ok) throw new Error(loaded.error);
    const { schema, layout } = loaded.document;
    const at = (name: string) => layout[schema.tables.find((t) => t.name === name)!.id]!;
    expect(at('language').x).toBeLessThan(at('film').x);
    expect(at('film').x).toBeLessThan(at('inventory').x);
    expect(overlappingTables(layout, new Map(schema.tables.map((t) => [t.id as string, estimatedSize(t)])))).toEqual([]);
  });

  it('prints the project file on stdout without -o', async () => {
    const { code, stdout, stderr } = await erd({ 'shop.sql': shop }, 'import', 'shop.sql');
    expect(code).toBe(0);
    const loaded = parseProjectFile(stdout);
    expect(loaded.ok && loaded.document.schema.tables.map((t) => t.name)).toEqual(['authors', 'books']);
    expect(loaded.ok && loaded.document.versions?.map((v) => [v.name, v.kind, v.schema])).toEqual([
      ['imported from shop.sql', 'imported', loaded.ok && loaded.document.schema],
    ]);
    expect(stderr).toBe('erd: shop.sql: imported 2 tables and 1 relationship; skipped: 1 GRANT\n');
  });

  it('refuses to replace an existing file without --force, before importing anything', async () => {
    const files: Record<string, string> = { 'shop.sql': shop, 'shop.erd.json': 'mine' };
    expect(await erd(files, 'import', 'shop.sql', '-o', 'shop.erd.json')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'erd: shop.erd.json already exists; add --force to replace it\n',
    });
    expect(files['shop.erd.json']).toBe('mine');
    expect((await erd(files, 'import', 'shop.sql', '--output', 'shop.erd.json', '--force')).code).toBe(0);
    expect(parseProjectFile(files['shop.erd.json']!).ok).toBe(true);
  });

  it('imports .dbml files too', async () => {
    const files: Record<string, string> = {
      'shop.dbml':
        'Table authors {\n  id integer [pk]\n}\n\nTable books {\n  id integer [pk]\n  author_id integer [ref: > authors.id]\n}\n',
    };
    expect(await erd(files, 'import', 'shop.dbml', '-o', 'shop.erd.json')).toEqual({
      code: 0,
      stdout: '',
      stderr: 'erd: shop.dbml: imported 2 tables and 1 relationship\n',
    });
    const loaded = parseProjectFile(files['shop.erd.json']!);
    expect(loaded.ok && loaded.document.schema.relationships).toHaveLength(1);
  });

  it.each([
    [['import', 'a.erd.json'], 'erd: a.erd.json: import reads a SQL script (.sql) or a DBML file (.dbml)\n'],
    [['ddl', 'shop.sql', '-o', 'x.erd.json'], /^erd: --output and --force are options of import only\nUsage: erd/],
    [['ddl', 'shop.sql', '--time-limit', '0'], /^erd: --time-limit takes a number of seconds above 0\nUsage: erd/],
    [['import', 'missing.sql'], 'erd: missing.sql: cannot read: no such file\n'],
  ])('exits 2 for %j', async (args, message) => {
    const { code, stderr } = await erd({ 'shop.sql': shop }, ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('lists import and --time-limit in the usage', async () => {
    const { stdout } = await erd({}, '--help');
    expect(stdout).toContain('  import FILE  read a .sql or .dbml file into a project file');
    expect(stdout).toContain('  --time-limit SECONDS');
  });
});

describe('erd with the real io (PGlite in a worker thread)', () => {
  it('imports a script and stops one that never ends at the time limit, exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'erd-import-'));
    await writeFile(join(dir, 'shop.sql'), shop);
    await writeFile(join(dir, 'loop.sql'), `CREATE TABLE a (id int PRIMARY KEY);\nDO $$ BEGIN LOOP END LOOP; END $$;\n`);
    const imported = await erdInProcess('dbml', join(dir, 'shop.sql'));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Table books {');
    const stopped = await erdInProcess('import', join(dir, 'loop.sql'), '--time-limit', '3');
    expect(stopped).toEqual({
      code: 2,
      stdout: '',
      stderr: `erd: ${join(dir, 'loop.sql')}: the import did not finish within 3 s and was stopped (a DO block or a function it calls may loop forever); allow longer with --time-limit SECONDS\n`,
    });
  }, 30_000);
});
