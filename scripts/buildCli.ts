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
  const previous = `${out}.${process.pid}.old`;
  if (existsSync(out)) renameSync(out, previous);
  renameSync(temporary, out);
  rmSync(previous, { recursive: true, force: true });
  const ms = Math.round(performance.now() - started);
  return `built ${relative(root, out)}/ from ${inputs.length} source files in ${ms} ms; ${dataDir}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await buildCli(fileURLToPath(new URL('..', import.meta.url))));
}
