import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startingDataDirRecipe } from '../db/startPglite.ts';
import { builtCliState, packageRoot } from './cliBuild.mjs';

const run = promisify(execFile);

/** npm's settings from an `npm test` around this run (npm_config_*) would leak into the install; the cache and registry stay. */
function npmEnv(): NodeJS.ProcessEnv {
  const kept = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig']);
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('npm_') || kept.has(key)));
}

/** Runs a command in `cwd`, resolving to its exit code and output instead of rejecting. */
async function shell(cwd: string, command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, env: npmEnv(), maxBuffer: 32 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? String(error) };
  }
}

const work = mkdtempSync(join(tmpdir(), 'erd-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm pack', () => {
  it('gives a package that installs outside the repository and runs erd ddl, prove and a SQL import there', async (context) => {
    if (builtCliState() !== 'current') {
      const built = await shell(packageRoot, process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/buildCli.ts']);
      expect(built.stderr).toBe('');
    }
    // --ignore-scripts: the build above is current, and prepare rebuilding it would race the tests running the bin.
    const packed = await shell(packageRoot, 'npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work]);
    expect(packed.code, packed.stderr).toBe(0);
    const [{ filename, unpackedSize, files }] = JSON.parse(packed.stdout) as [
      { filename: string; unpackedSize: number; files: { path: string }[] },
    ];
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['src/cli/erd.mjs', 'dist-cli/main.mjs', 'dist-cli/importWorker.mjs', 'dist-cli/pglite/datadir.tar.gz']),
    );
    expect(paths.filter((p) => !/^(dist-cli\/|src\/cli\/(erd|cliBuild)\.mjs$|package\.json$|README\.md$|LICENSE)/.test(p))).toEqual([]);
    expect(unpackedSize).toBeLessThan(5_000_000);

    const project = join(work, 'project');
    await run('mkdir', ['-p', project]);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-erd', private: true }));
    const installed = await shell(project, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, filename)]);
    if (installed.code !== 0) {
      console.warn(`Skipping the installed-package test: npm could not install the packed tarball here:\n${installed.stderr.slice(-600)}`);
      context.skip();
    }
    // The shipped data directory is used only when its stamp names the PGlite npm installed (pinned in package.json).
    const read = (path: string) => readFileSync(join(project, 'node_modules', path), 'utf8');
    const installedPglite = (JSON.parse(read('@electric-sql/pglite/package.json')) as { version: string }).version;
    expect(read('erd-proof/dist-cli/pglite/datadir.version').trim()).toBe(`${installedPglite} recipe ${startingDataDirRecipe}`);
    copyFileSync(join(packageRoot, 'examples/users-user-profiles.erd.json'), join(project, 'users.erd.json'));
    writeFileSync(
      join(project, 'shop.sql'),
      'CREATE TABLE customers (id int PRIMARY KEY);\nCREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL REFERENCES customers);\n',
    );

    const ddl = await shell(project, 'npx', ['--no-install', 'erd', 'ddl', 'users.erd.json']);
    expect(ddl).toMatchObject({ code: 0, stderr: '' });
    expect(ddl.stdout).toMatch(/^CREATE TABLE users \(/);
    const prove = await shell(project, join(project, 'node_modules/.bin/erd'), ['prove', 'users.erd.json']);
    expect(prove).toMatchObject({ code: 0, stderr: '' });
    expect(prove.stdout).toMatch(/Proved (\d+) of \1 scenarios \(0 failing/);
    const imported = await shell(project, join(project, 'node_modules/.bin/erd'), ['mermaid', 'shop.sql']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('customers ||..o{ orders');
  }, 120_000);
});
