import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { startTestServer } from './src/testing/postgresServer.ts';
import { testDataDirPath } from './src/testing/testDataDir.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the real PostgreSQL started for this run, or null. */
    postgresUrl: string | null;
    /** Why there is no real PostgreSQL, for the skip message. */
    postgresSkipReason: string;
  }
}

/** Runs initdb once per machine and PGlite version; every test file then starts from the dump in about a second. */
async function ensurePgliteDataDir(): Promise<void> {
  const path = testDataDirPath();
  if (existsSync(path)) return;
  const pg = await PGlite.create();
  const dump = await pg.dumpDataDir('gzip');
  await pg.close();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
}

/** Prepares PGlite and starts one real PostgreSQL server (when installed) for the whole run. */
export default async function setup(project: TestProject): Promise<() => void> {
  await ensurePgliteDataDir();
  const server = await startTestServer();
  if ('skipReason' in server) {
    console.warn(`\n[erd] ${server.skipReason}\n`);
    project.provide('postgresUrl', null);
    project.provide('postgresSkipReason', server.skipReason);
    return () => {};
  }
  project.provide('postgresUrl', server.url);
  project.provide('postgresSkipReason', '');
  return () => server.stop();
}
