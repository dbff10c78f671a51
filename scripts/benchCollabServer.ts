// The collaboration server for `npm run bench -- --collab`, in a process of its own so its CPU time and
// memory are its own (the bench's clients run in the parent). Started by benchCollab.ts with fork();
// talks over the IPC channel: it sends `{ ready }` once listening, answers `usage` with what it used
// since the last `usage`, and `stop` closes the server and exits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shippedDataDir } from '../src/cli/shippedDataDir.ts';
import { startCollabServer } from '../src/server/startCollabServer.ts';

/** What the server process used between two `usage` requests. */
export interface ServerUsage {
  wallMs: number;
  cpuMs: number;
  /** Largest resident set sampled every 50 ms over the span, and the last sample. */
  rssPeakMb: number;
  rssMb: number;
}

/** Messages the parent sends. */
export type ServerRequest = { type: 'usage' } | { type: 'stop' };
/** Messages the server process sends. */
export type ServerReply = { type: 'ready'; httpUrl: string; websocketUrl: string } | { type: 'usage'; usage: ServerUsage };

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const send = (reply: ServerReply) => process.send!(reply);

const rooms = mkdtempSync(join(tmpdir(), 'erd-bench-rooms-'));
const server = await startCollabServer({
  port: 0,
  host: '127.0.0.1',
  storage: { dir: rooms, startingDataDir: shippedDataDir() },
  log: () => undefined,
});

let since = { time: performance.now(), cpu: process.cpuUsage(), rssPeak: process.memoryUsage.rss() };
setInterval(() => (since.rssPeak = Math.max(since.rssPeak, process.memoryUsage.rss())), 50).unref();

process.on('message', (request: ServerRequest) => {
  if (request.type === 'usage') {
    const cpu = process.cpuUsage(since.cpu);
    const rss = process.memoryUsage.rss();
    send({
      type: 'usage',
      usage: {
        wallMs: performance.now() - since.time,
        cpuMs: (cpu.user + cpu.system) / 1000,
        rssPeakMb: mb(Math.max(since.rssPeak, rss)),
        rssMb: mb(rss),
      },
    });
    since = { time: performance.now(), cpu: process.cpuUsage(), rssPeak: rss };
  } else {
    void server.stop().finally(() => {
      rmSync(rooms, { recursive: true, force: true });
      process.exit(0);
    });
  }
});
send({ type: 'ready', httpUrl: server.httpUrl, websocketUrl: server.websocketUrl });
