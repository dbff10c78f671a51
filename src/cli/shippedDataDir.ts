import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startingDataDirRecipe } from '../db/startPglite.ts';

/**
 * Where the data directory may be, first found wins: beside the built CLI (dist-cli/pglite/, made by
 * scripts/buildCli.ts and shipped in the npm package), then public/pglite/ of a clone run from sources.
 */
const candidates = () => [
  fileURLToPath(new URL('./pglite/', import.meta.url)),
  fileURLToPath(new URL('../../public/pglite/', import.meta.url)),
];

/** The installed PGlite's version, wherever npm put it (hoisted in an installed package). */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = join(dirname(entry), '..', 'package.json'); // dist/index.cjs -> the package's root
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * The initialised PGlite data directory `scripts/buildDataDir.ts` makes, when it is there and stamped
 * with the installed PGlite and the current recipe: starting from it skips initdb (5-7 s). Undefined
 * otherwise (a fresh clone before any build), and PGlite runs initdb as usual.
 */
export function shippedDataDir(): Blob | undefined {
  try {
    const dir = candidates().find((d) => existsSync(join(d, 'datadir.tar.gz')) && existsSync(join(d, 'datadir.version')));
    if (!dir) return undefined;
    if (readFileSync(join(dir, 'datadir.version'), 'utf8').trim() !== `${pgliteVersion()} recipe ${startingDataDirRecipe}`)
      return undefined;
    return new Blob([readFileSync(join(dir, 'datadir.tar.gz'))]);
  } catch {
    return undefined;
  }
}
