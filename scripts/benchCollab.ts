// `npm run bench -- --collab [--quick] [--seconds N]`: the live-session figures (issue 16). The server
// and its clients in Node (benchCollabRoom.ts), remote edit to paint in Chromium (benchCollabPaint.ts).
import { measureRemotePaint, type RemotePaint } from './benchCollabPaint.ts';
import { forkServer, measureBusyRoom, measureLargeJoin } from './benchCollabRoom.ts';

/** One printed figure, as bench.ts summarizes it: the values whose median it reports, and what to print beside them. */
export interface CollabFigure {
  name: string;
  times: number[];
  aim?: string;
  detail?: Record<string, number | string>;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
};
const round = (n: number) => Math.round(n * 10) / 10;
const median = (values: number[]) => percentile(values, 0.5);

/** How long the busy room runs: `--seconds N`, else 10 s with `--quick`, else a minute. */
export function collabSeconds(argv: string[]): number {
  const given = argv.indexOf('--seconds');
  if (given >= 0) return Number(argv[given + 1]);
  return argv.includes('--quick') ? 10 : 60;
}

function paintFigure(what: string, run: RemotePaint): CollabFigure {
  return {
    name: `Live session: remote edit to paint on the other page, ${what} (A's store action to B's frame, two headless Chromium pages, loopback)`,
    times: run.latencies,
    aim: 'under 100 ms',
    detail: {
      p95: round(percentile(run.latencies, 0.95)),
      actionOnAMedian: round(median(run.onA)),
      toBsStoreMedian: round(median(run.toStore)),
      toBsStoreP95: round(percentile(run.toStore, 0.95)),
      edits: run.latencies.length,
      longTasksOnB: run.longTasks.length,
      longestTaskMs: round(Math.max(0, ...run.longTasks)),
    },
  };
}

/**
 * Measures the collaboration figures: 20 editors in one room for `seconds`, joining a 500-table room,
 * and remote edit to paint in the browser (`build` false when the caller has just built the app).
 */
export async function measureCollab({ seconds, build = true }: { seconds: number; build?: boolean }): Promise<CollabFigure[]> {
  const server = await forkServer();
  const figures: CollabFigure[] = [];
  try {
    const busy = await measureBusyRoom(server, { editors: 20, seconds });
    const during = busy.serverDuring;
    figures.push({
      name: `Live session: 20 clients in one room, a 50-table document, an edit each per second for ${seconds} s: edit to every other client's document (Node clients, server in its own process, loopback)`,
      times: busy.deliveries,
      aim: 'none set; anchor: p95 under 100 ms, the remote-paint aim',
      detail: {
        p95: round(percentile(busy.deliveries, 0.95)),
        p99: round(percentile(busy.deliveries, 0.99)),
        edits: busy.edits,
        deliveries: busy.deliveries.length,
        missing: busy.missing,
      },
    });
    figures.push({
      name: `Live session: the same, server CPU time per second of the run (ms; 1,000 is one core)`,
      times: busy.cpuPerSecond,
      aim: 'none set; anchor: 1,000 ms/s is all of one core',
      detail: {
        cpuPercentOfOneCore: round((during.cpuMs * 100) / during.wallMs),
        cpuMsRoomMadeAnd20Joined: round(busy.serverBefore.cpuMs),
        rssBeforeMb: busy.serverBefore.rssMb,
        rssPeakMb: during.rssPeakMb,
        rssAfterMb: during.rssMb,
      },
    });
    const { joins, stateBytes } = await measureLargeJoin(server, 5);
    const cold = joins.find((j) => j.cold)!;
    const warm = joins.filter((j) => !j.cold);
    figures.push({
      name: 'Live session: joining a 500-table, 600-relationship room, to synced (Node client; others already in the room)',
      times: warm.map((j) => j.synced),
      aim: 'none set; anchor: page open to PostgreSQL ready aims under 1 s',
      detail: {
        toDocumentShown: round(median(warm.map((j) => j.shown))),
        bytesReceived: median(warm.map((j) => j.bytesReceived)),
        roomStateBytes: stateBytes,
        coldJoinMs: round(cold.synced),
        coldBytesReceived: cold.bytesReceived,
      },
    });
  } finally {
    await server.stop();
  }
  const paint = await measureRemotePaint(20, { build });
  figures.push(paintFigure('first-start example, a column renamed', paint.example));
  figures.push(paintFigure('500 tables / 600 relationships, a table renamed', paint.large));
  return figures;
}
