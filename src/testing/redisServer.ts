import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './postgresServer.ts';

/** A throwaway redis-server on 127.0.0.1 for the tests, or why there is none. */
export type TestRedis = { url: string; stop(): Promise<void> } | { skipReason: string };

/** Why the Redis tests cannot run here (no redis-server), or undefined when they can. */
export function redisSkipReason(): string | undefined {
  return spawnSync('redis-server', ['--version']).error
    ? 'redis-server not found (apt-get install redis-server; .ci/run installs it): Redis tests skipped'
    : undefined;
}

/** Starts redis-server in a temporary directory on a free port of 127.0.0.1, saving nothing to disk. */
export async function startTestRedis(): Promise<TestRedis> {
  const skipReason = redisSkipReason();
  if (skipReason) return { skipReason };
  const dir = mkdtempSync(join(tmpdir(), 'erd-redis-'));
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}): ${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
