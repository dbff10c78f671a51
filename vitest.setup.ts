import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { testDataDirPath } from './src/testing/testDataDir.ts';

/** Runs initdb once per machine and PGlite version; every test file then starts from the dump in about a second. */
export default async function setup(): Promise<void> {
  const path = testDataDirPath();
  if (existsSync(path)) return;
  const pg = await PGlite.create();
  const dump = await pg.dumpDataDir('gzip');
  await pg.close();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
}
