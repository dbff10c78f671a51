import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startingDataDirRecipe } from '../db/startPglite.ts';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/**
 * The initialised PGlite data directory `scripts/buildDataDir.ts` puts in public/pglite/, when it is
 * there and stamped with the installed PGlite and the current recipe: starting from it skips initdb
 * (5-7 s). Undefined otherwise (a fresh clone before `npm start`), and PGlite runs initdb as usual.
 */
export function shippedDataDir(): Blob | undefined {
  const file = root('public/pglite/datadir.tar.gz');
  const stamp = root('public/pglite/datadir.version');
  try {
    if (!existsSync(file) || !existsSync(stamp)) return undefined;
    const { version } = JSON.parse(readFileSync(root('node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
    if (readFileSync(stamp, 'utf8').trim() !== `${version} recipe ${startingDataDirRecipe}`) return undefined;
    return new Blob([readFileSync(file)]);
  } catch {
    return undefined;
  }
}
