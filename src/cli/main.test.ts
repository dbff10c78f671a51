import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main, nodeIo, type CliIo } from './main.ts';
import { examplePath } from '../testing/example.ts';
import { testRunner } from '../testing/testDatabase.ts';

/** Runs `erd` in-process on the shared test database, capturing output. */
async function erd(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    ...nodeIo(),
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    openDatabase: async () => ({ runner: await testRunner(), close: async () => {} }),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

describe('erd', () => {
  it('ddl prints the DDL of a project file', async () => {
    const { code, stdout } = await erd('ddl', examplePath);
    expect(code).toBe(0);
    expect(stdout).toContain('ADD CONSTRAINT passport_info_author_id_key UNIQUE (author_id);');
  });

  it('prove prints every scenario and exits 0 when all pass', async () => {
    const { code, stdout } = await erd('prove', examplePath);
    expect(code).toBe(0);
    expect(stdout).toContain('PASS  A second passport_info for the same author');
    expect(stdout).toContain('PostgreSQL: duplicate key value violates unique constraint "passport_info_author_id_key"');
    expect(stdout).toContain('Proved 18 of 18 scenarios (0 failing, 0 not provable).');
  });

  it('prove --json prints the same as JSON', async () => {
    const { code, stdout } = await erd('prove', examplePath, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.summary).toEqual({ passed: 18, failed: 0, notProvable: 0 });
    expect(json.results).toHaveLength(18);
  });

  it('exits 1 when a scenario fails', async () => {
    const doc = JSON.parse(await readFile(examplePath, 'utf8'));
    doc.schema.relationships[0].from.min = 0;
    doc.schema.tables[1].columns[2].isNotNull = true;
    const path = `${process.env.TMPDIR ?? '/tmp'}/contradiction-${process.pid}.erd.json`;
    await (await import('node:fs/promises')).writeFile(path, JSON.stringify(doc));
    const { code, stdout } = await erd('prove', path);
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL  A passport_info with no author (author_id is NULL)');
  });

  it.each([
    [['ddl', 'missing.erd.json'], 'erd: missing.erd.json: cannot read: no such file\n'],
    [['ddl', 'package.json'], 'erd: package.json: invalid project file: format: Invalid input: expected "erd-proof"\n'],
    [['prove', 'src'], 'erd: src: cannot read: is a directory\n'],
  ])('exits 2 with a one-line error for %j', async (args, message) => {
    const { code, stderr } = await erd(...args);
    expect(code).toBe(2);
    expect(stderr).toBe(message);
  });

  it('exits 2 with usage for an unknown command', async () => {
    const { code, stderr } = await erd('draw', examplePath);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^erd: unknown command "draw"\nUsage: erd/);
  });

  it('usage names every prove option', async () => {
    const { code, stdout } = await erd('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('--database-url URL');
  });

  it('takes --database-url for prove (and diff --prove) only', async () => {
    const { code, stderr } = await erd('ddl', examplePath, '--database-url', 'postgres://127.0.0.1/app');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^erd: --database-url is an option of prove \(and of diff --prove\) only\nUsage: erd/);
  });

  it('runs as the installed bin', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['src/cli/erd.mjs', 'ddl', examplePath]);
    expect(stdout).toMatch(/^CREATE TABLE authors \(/);
  });
});

describe('erd lint and ddl options', () => {
  const writeDoc = async (mutate: (doc: { schema: { relationships: Record<string, unknown>[]; tables: { name: string }[] } }) => void) => {
    const doc = JSON.parse(await readFile(examplePath, 'utf8'));
    mutate(doc);
    const path = `${process.env.TMPDIR ?? '/tmp'}/lint-${process.pid}-${Math.random().toString(36).slice(2)}.erd.json`;
    await (await import('node:fs/promises')).writeFile(path, JSON.stringify(doc));
    return path;
  };

  it('lint names each problem and how to fix it, exiting 1', async () => {
    const path = await writeDoc((doc) => {
      doc.schema.relationships[1]!.onDelete = 'set null';
      doc.schema.tables[3]!.name = 'authors';
    });
    const { code, stdout } = await erd('lint', path);
    expect(code).toBe(1);
    expect(stdout).toContain(`${path}: error: Two tables are named "authors"; rename one`);
    expect(stdout).toContain('ON DELETE SET NULL cannot work: each book belongs to exactly one author, so author_id is NOT NULL.');
    expect(stdout).toMatch(/2 errors, 0 warnings, 0 notes\n$/);
  });

  it('lint passes the example', async () => {
    expect(await erd('lint', examplePath)).toMatchObject({ code: 0, stdout: `${examplePath}: no problems\n` });
  });

  it('ddl takes the migration options', async () => {
    const { code, stdout } = await erd('ddl', examplePath, '--transaction', '--if-not-exists', '--schema', 'app');
    expect(code).toBe(0);
    expect(stdout.startsWith('BEGIN;\n\nCREATE SCHEMA IF NOT EXISTS app;')).toBe(true);
    expect(stdout).toContain('CREATE TABLE IF NOT EXISTS app.authors (');
  });

  it('ddl --if-not-exists warns on stderr that it is no migration: existing tables are skipped, not compared', async () => {
    const { code, stderr } = await erd('ddl', examplePath, '--if-not-exists');
    expect(code).toBe(0);
    expect(stderr).toContain('re-runnable on the same version, not a migration');
    expect(stderr).toContain('a table that already exists is skipped as a whole');
    expect(stderr).toContain('use erd diff (migrations)');
    expect((await erd('ddl', examplePath)).stderr).toBe('');
  });
});
