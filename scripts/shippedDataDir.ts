// The initialised PGlite data directory the app ships in public/pglite/, with a gzipped copy of PGlite's
// file bundle beside it (static hosts rarely compress it; the worker inflates it): made by the Vite plugin
// below for `vite`, `vite build` and `vite preview`'s build alike, and by `tsx scripts/buildDataDir.ts`.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { dumpStartingDataDir, startingDataDirRecipe } from '../src/db/startPglite.ts';

/** Writes a file through a temporary name, so a build running at the same time never reads half of it. */
function writeWhole(path: string, data: Uint8Array | string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/**
 * Makes public/pglite/ (data directory, gzipped file bundle, version stamp) unless it is already there
 * for the installed PGlite and the current recipe (src/db/startPglite.ts); says what it did.
 */
export async function writeShippedDataDir(root = process.cwd()): Promise<string> {
  const dir = join(root, 'public', 'pglite');
  const file = join(dir, 'datadir.tar.gz');
  const bundle = join(dir, 'pglite.data.gz');
  const stamp = join(dir, 'datadir.version');
  const pglite = join(root, 'node_modules/@electric-sql/pglite');
  const version = (JSON.parse(readFileSync(join(pglite, 'package.json'), 'utf8')) as { version: string }).version;
  const expected = `${version} recipe ${startingDataDirRecipe}`;
  if ([file, bundle, stamp].every((f) => existsSync(f)) && readFileSync(stamp, 'utf8').trim() === expected) {
    return `PGlite ${version} data directory is up to date`;
  }
  const dump = await dumpStartingDataDir();
  mkdirSync(dir, { recursive: true });
  writeWhole(file, new Uint8Array(await dump.arrayBuffer()));
  writeWhole(bundle, gzipSync(readFileSync(join(pglite, 'dist/pglite.data'))));
  writeWhole(stamp, `${expected}\n`); // last: a stamp only ever vouches for files already written
  return `wrote ${file} (${Math.round(dump.size / 1024)} KiB) and ${bundle} for PGlite ${version}`;
}

/**
 * Vite plugin: makes the shipped data directory before Vite serves or copies public/, so `vite build`
 * alone gives an app whose PostgreSQL starts without initdb. Left out under Vitest, whose tests start
 * PGlite from a dump of their own (vitest.setup.ts).
 */
export function shippedDataDirPlugin(): Plugin {
  return {
    name: 'erd-proof:shipped-data-dir',
    apply: () => !process.env.VITEST,
    async buildStart() {
      this.info(await writeShippedDataDir());
    },
  };
}
