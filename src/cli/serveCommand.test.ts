import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { memoryCliIo } from '../testing/memoryCliIo.ts';
import { main } from './main.ts';
import { serveCommand } from './serveCommand.ts';

/** Waits for a condition; generous, since the machine may be loaded (the tests assert what happens, not how fast). */
const eventually = <T>(check: () => T) => vi.waitFor(check, { timeout: 15_000, interval: 50 });

it('erd serve runs the server until stopped, says where rooms are kept and that the operator can read them', async () => {
  const storage = mkdtempSync(join(tmpdir(), 'erd-serve-'));
  const { io, output } = memoryCliIo({});
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const exit = serveCommand(['--port', '0', '--host', '127.0.0.1', '--storage', storage], io, { env: {}, stopped });
  try {
    await eventually(() => expect(output.stdout).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/));
    const url = /listening on (http:\/\/[^ ]+)/.exec(output.stdout)![1]!;
    const created = await fetch(`${url}/api/rooms`, { method: 'POST', body: new Uint8Array([0, 0]) });
    expect(created.status).toBe(201);
    expect(output.stdout).toContain(`rooms kept in ${storage}`);
    expect(output.stdout).toContain('whoever runs this server can read every room');
  } finally {
    stop();
    expect(await exit).toBe(0);
    rmSync(storage, { recursive: true, force: true });
  }
  expect(output.stderr).toContain('stopped; rooms stored');
});

it('erd serve refuses a bad port and Redis without PostgreSQL, and erd --help lists it', async () => {
  const { io, output } = memoryCliIo({});
  expect(await main(['serve', '--port', 'eighty'], io)).toBe(2);
  expect(output.stderr).toContain('--port takes a port number');
  expect(await serveCommand([], io, { env: { REDIS_URL: 'redis://127.0.0.1:6379' } })).toBe(2);
  expect(output.stderr).toContain('REDIS_URL needs DATABASE_URL');
  expect(await main(['--help', 'x'], io)).toBe(0);
  expect(output.stdout).toContain('erd serve --help');
});
