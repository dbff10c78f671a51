// Dumps an initialised PGlite data directory into public/ so the app skips initdb (5-7 s) and starts
// PostgreSQL in a fraction of a second, with a gzipped copy of PGlite's file bundle beside it (static
// hosts rarely compress it; the worker inflates it). Runs before `npm start` and `npm run build`;
// rebuilt when PGlite or the recipe (src/db/startPglite.ts) changes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { dumpStartingDataDir, startingDataDirRecipe } from '../src/db/startPglite.ts';

const dir = join(process.cwd(), 'public', 'pglite');
const file = join(dir, 'datadir.tar.gz');
const bundle = join(dir, 'pglite.data.gz');
const stamp = join(dir, 'datadir.version');
const pglite = join(process.cwd(), 'node_modules/@electric-sql/pglite');
const version = (JSON.parse(readFileSync(join(pglite, 'package.json'), 'utf8')) as { version: string }).version;
const expected = `${version} recipe ${startingDataDirRecipe}`;

if ([file, bundle, stamp].every((f) => existsSync(f)) && readFileSync(stamp, 'utf8').trim() === expected) {
  console.log(`PGlite ${version} data directory is up to date`);
} else {
  const dump = await dumpStartingDataDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(bundle, gzipSync(readFileSync(join(pglite, 'dist/pglite.data'))));
  writeFileSync(stamp, `${expected}\n`);
  console.log(`wrote ${file} (${Math.round(dump.size / 1024)} KiB) and ${bundle} for PGlite ${version}`);
}
