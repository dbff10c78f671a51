// Dumps an initialised PGlite data directory into public/ so the app skips initdb (5-7 s) and starts
// PostgreSQL in about a second. Runs before `npm start` and `npm run build`; rebuilt when PGlite changes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const dir = join(process.cwd(), 'public', 'pglite');
const file = join(dir, 'datadir.tar.gz');
const stamp = join(dir, 'datadir.version');
const version = (JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;

if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === version) {
  console.log(`PGlite ${version} data directory is up to date`);
} else {
  const pg = await PGlite.create();
  const dump = await pg.dumpDataDir('gzip');
  await pg.close();
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(stamp, `${version}\n`);
  console.log(`wrote ${file} for PGlite ${version} (${Math.round(dump.size / 1024)} KiB)`);
}
