// Builds the `erd` command into JavaScript in dist-cli/ (run by `npm run build`, `npm run build:cli` and
// npm's `prepare`, so on `npm install`/`npm ci` in a clone and before `npm pack`): esbuild bundles the
// TypeScript sources into ES modules split at every dynamic import, so a command loads PGlite, pg,
// @dbml/core or elkjs only when it uses them; packages stay imports of node_modules. The PGlite data
// directory goes beside it (dist-cli/pglite/), so `erd prove` starts PostgreSQL without initdb.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { writeShippedDataDir } from './shippedDataDir.ts';

/** Builds dist-cli/ under `root` through a temporary folder swapped in whole, so an `erd` running meanwhile never reads half a build; says what it did. */
export async function buildCli(root = process.cwd()): Promise<string> {
  const out = join(root, 'dist-cli');
  const temporary = `${out}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  const started = performance.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts', importWorker: 'src/cli/importWorkerBody.ts' },
    outdir: temporary,
    outExtension: { '.js': '.mjs' },
    // Chunks beside the entries: importInWorker.ts finds importWorker.mjs next to its own module.
    chunkNames: '[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  const dataDir = await writeShippedDataDir(root);
  mkdirSync(join(temporary, 'pglite'));
  for (const file of ['datadir.tar.gz', 'datadir.version'])
    copyFileSync(join(root, 'public/pglite', file), join(temporary, 'pglite', file));
  const inputs = Object.keys(result.metafile.inputs).filter((file) => file.startsWith('src/'));
  writeFileSync(join(temporary, 'inputs.json'), JSON.stringify({ inputs }, null, 1) + '\n'); // last: cliBuild.mjs reads its time as the build's
  swapIn(temporary, out);
  const ms = Math.round(performance.now() - started);
  return `built ${relative(root, out)}/ from ${inputs.length} source files in ${ms} ms; ${dataDir}`;
}

/**
 * Replaces `out` with `temporary` by renames: a reader finds the old build, no build (and runs the
 * sources), or the new one. Another build swapping at the same time (two `npm run build` for e2e) can
 * put its folder at `out` between our two renames; then it is moved aside in turn and we try again.
 */
function swapIn(temporary: string, out: string): void {
  for (let attempt = 0; ; attempt++) {
    const previous = `${out}.${process.pid}.${attempt}.old`;
    try {
      if (existsSync(out)) renameSync(out, previous);
      renameSync(temporary, out);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT')) throw error;
    } finally {
      rmSync(previous, { recursive: true, force: true });
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await buildCli(fileURLToPath(new URL('..', import.meta.url))));
}
