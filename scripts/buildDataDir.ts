// Dumps an initialised PGlite data directory into public/ so the app skips initdb (5-7 s) and starts
// PostgreSQL in a fraction of a second. Runs before `npm start` and `npm run build`; rebuilt when PGlite
// or the recipe (src/db/startPglite.ts) changes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dumpStartingDataDir, startingDataDirRecipe } from '../src/db/startPglite.ts';

const dir = join(process.cwd(), 'public', 'pglite');
const file = join(dir, 'datadir.tar.gz');
const stamp = join(dir, 'datadir.version');
const version = (JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
const expected = `${version} recipe ${startingDataDirRecipe}`;

if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === expected) {
  console.log(`PGlite ${version} data directory is up to date`);
} else {
  const dump = await dumpStartingDataDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(stamp, `${expected}\n`);
  console.log(`wrote ${file} for PGlite ${version} (${Math.round(dump.size / 1024)} KiB)`);
}
