import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the test suite keeps its initialised PGlite data directory, keyed by PGlite's version. */
export function testDataDirPath(): string {
  const pkg = JSON.parse(readFileSync(join(process.cwd(), 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  };
  return join(tmpdir(), 'erd-proof-tests', `pglite-${pkg.version}.tar.gz`);
}
