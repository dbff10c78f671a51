import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { generateDdl, toSqlText } from '../src/ddl/index.ts';
import type { Schema } from '../src/model/index.ts';
import { startTestServer } from '../src/testing/postgresServer.ts';

/** The peer of the migration diff: @pgkit/migra comparing two PostgreSQL 15 databases built from the two schemas' DDL. */
export async function measureMigra(
  runs: number,
  from: Schema,
  to: Schema,
): Promise<{ times: number[]; detail: Record<string, string | number> } | { skipped: string }> {
  const migra = await import('@pgkit/migra').catch((error: Error) => error);
  if (migra instanceof Error) return { skipped: `@pgkit/migra could not be loaded (${migra.message})` };
  const server = await startTestServer();
  if ('skipReason' in server) return { skipped: server.skipReason };
  try {
    const urls = await Promise.all(
      [from, to].map(async (schema, i) => {
        const name = `bench_${i === 0 ? 'old' : 'new'}`;
        await run(server.url, `CREATE DATABASE ${name}`);
        const url = new URL(server.url);
        url.pathname = `/${name}`;
        await run(url.toString(), toSqlText(generateDdl(schema).statements.filter((s) => s.kind !== 'note')));
        return url.toString();
      }),
    );
    const times: number[] = [];
    let statements: string[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const start = performance.now();
      // A new application_name per run: @pgkit/client warns when a connection string is opened twice.
      const [a, b] = urls.map((url) => `${url}?application_name=migra_${i}`);
      const migration = await migra.run(a!, b!, { unsafe: true });
      const time = performance.now() - start;
      for (const side of [migration.s_from, migration.s_target]) await (side as { end?: () => Promise<void> }).end?.();
      statements = [...migration.statements];
      if (i > 0) times.push(time);
    }
    const drops = statements.filter((s) => /^\s*(alter table .* drop column|drop table)/i.test(s)).length;
    return { times, detail: { statements: statements.length, dropsOfTablesOrColumns: drops } };
  } finally {
    server.stop();
  }
}

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  client.on('notice', () => {});
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
