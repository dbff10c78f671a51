import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerRequest, WorkerResponse } from './proofProtocol.ts';
import { connectWorker, formatDuration, TimeLimitError, WorkerCrashError, type WorkerLike } from './workerConnection.ts';
import { emptySchema, type RelationshipId } from '../model/index.ts';
import type { ScenarioResult } from '../proof/index.ts';
import { aSchema, ends } from '../testing/factories.ts';
import { createProofClient, type ProofState } from './proofClient.ts';

/** A worker that records what it is sent and answers only when told to. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  sent: WorkerRequest[] = [];
  isTerminated = false;
  postMessage(message: WorkerRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.isTerminated = true;
  }
  reply(data: WorkerResponse) {
    this.onmessage?.({ data } as MessageEvent<WorkerResponse>);
  }
}

describe('connectWorker', () => {
  let workers: FakeWorker[];
  const options = (overrides = {}) => ({
    createWorker: () => {
      workers.push(new FakeWorker());
      return workers.at(-1)!;
    },
    timeLimitMs: 1000,
    onReady: vi.fn(),
    onRestart: vi.fn(),
    onCrash: vi.fn(),
    ...overrides,
  });

  beforeEach(() => {
    workers = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('waits for PostgreSQL, then sends one task at a time', async () => {
    const connection = connectWorker(options());
    const first = connection.send({ type: 'prove', schema: emptySchema });
    const second = connection.send({ type: 'prove', schema: emptySchema });
    expect(workers[0]!.sent).toEqual([]);
    workers[0]!.reply({ type: 'ready' });
    expect(workers[0]!.sent.map((m) => m.id)).toEqual([1]);
    workers[0]!.reply({ type: 'done', id: 1, result: { problems: [], results: [] } });
    await expect(first).resolves.toEqual({ problems: [], results: [] });
    expect(workers[0]!.sent.map((m) => m.id)).toEqual([1, 2]);
    workers[0]!.reply({ type: 'failed', id: 2, message: 'boom' });
    await expect(second).rejects.toThrow('boom');
  });

  it('stops a task past the time limit: the worker is terminated, a new one started, later tasks go to it', async () => {
    const opts = options();
    const connection = connectWorker(opts);
    workers[0]!.reply({ type: 'ready' });
    const slow = connection.send({ type: 'prove', schema: emptySchema });
    const next = connection.send({ type: 'prove', schema: emptySchema });
    vi.advanceTimersByTime(999);
    expect(workers[0]!.isTerminated).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(slow).rejects.toBeInstanceOf(TimeLimitError);
    await expect(slow).rejects.toThrow('stopped after 1 s');
    expect(workers[0]!.isTerminated).toBe(true);
    expect(opts.onRestart).toHaveBeenCalledOnce();
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ type: 'ready' });
    expect(opts.onReady).toHaveBeenCalledTimes(2);
    expect(workers[1]!.sent.map((m) => m.id)).toEqual([2]);
    workers[1]!.reply({ type: 'done', id: 2, result: { problems: [], results: [] } });
    await expect(next).resolves.toBeDefined();
  });

  it('gives a task its own time limit when sent with one', async () => {
    const connection = connectWorker(options());
    workers[0]!.reply({ type: 'ready' });
    const stopped = expect(connection.send({ type: 'import', sql: 'SELECT 1' }, 5000)).rejects.toThrow('stopped after 5 s');
    await vi.advanceTimersByTimeAsync(4000);
    expect(workers[0]!.isTerminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1001);
    await stopped;
    expect(workers[0]!.isTerminated).toBe(true);
  });

  it('a worker that dies fails its tasks with the crash, not a time limit; the next task starts a fresh worker', async () => {
    const opts = options();
    const connection = connectWorker(opts);
    workers[0]!.reply({ type: 'ready' });
    const running = connection.send({ type: 'prove', schema: emptySchema });
    const queued = connection.send({ type: 'prove', schema: emptySchema });
    workers[0]!.onerror?.({ message: 'out of memory' } as ErrorEvent);
    await expect(running).rejects.toBeInstanceOf(WorkerCrashError);
    await expect(queued).rejects.toThrow('the worker stopped: out of memory');
    expect(opts.onCrash).toHaveBeenCalledWith('the worker stopped: out of memory');
    expect(workers[0]!.isTerminated).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(workers).toHaveLength(1);
    const again = connection.send({ type: 'prove', schema: emptySchema });
    expect(workers).toHaveLength(2);
    workers[1]!.reply({ type: 'ready' });
    workers[1]!.reply({ type: 'done', id: 3, result: { problems: [], results: [] } });
    await expect(again).resolves.toBeDefined();
  });

  it('PostgreSQL that cannot start, or takes too long, fails the waiting tasks with the reason', async () => {
    const connection = connectWorker(options({ startTimeLimitMs: 3000 }));
    const first = connection.send({ type: 'prove', schema: emptySchema });
    workers[0]!.reply({ type: 'startFailed', message: 'wasm fetch failed' });
    await expect(first).rejects.toThrow('PostgreSQL could not start: wasm fetch failed');
    const second = connection.send({ type: 'prove', schema: emptySchema });
    vi.advanceTimersByTime(3000);
    await expect(second).rejects.toThrow('PostgreSQL did not start within 3 s');
  });

  it('ignores a late answer from a task that was already stopped', async () => {
    const connection = connectWorker(options());
    workers[0]!.reply({ type: 'ready' });
    const slow = connection.send({ type: 'prove', schema: emptySchema });
    vi.advanceTimersByTime(1000);
    await expect(slow).rejects.toBeInstanceOf(TimeLimitError);
    expect(() => workers[0]!.reply({ type: 'done', id: 1, result: { problems: [], results: [] } })).not.toThrow();
  });
});

describe('createProofClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('proves only the latest schema (a finished proof of an older one is kept, still running), and reports a proof past the time limit as stopped', async () => {
    const workers: FakeWorker[] = [];
    const states: object[] = [];
    const client = createProofClient((s) => states.push(s), {
      timeLimitMs: 800,
      createWorker: () => {
        workers.push(new FakeWorker());
        return workers.at(-1)!;
      },
    });
    const [a, b, c] = [{ ...emptySchema }, { ...emptySchema }, { ...emptySchema }];
    client.request(a);
    workers[0]!.reply({ type: 'ready' });
    client.request(b);
    client.request(c);
    workers[0]!.reply({ type: 'done', id: 1, result: { problems: [], results: [], fingerprints: null, proved: [] } });
    await vi.advanceTimersByTimeAsync(0);
    expect(workers[0]!.sent.map((m) => ('schema' in m ? m.schema : null))).toEqual([a, c]);
    expect(states).toContainEqual(expect.objectContaining({ provedSchema: a, proofStatus: 'running' }));
    expect(states).not.toContainEqual(expect.objectContaining({ provedSchema: a, proofStatus: 'ready' }));
    await vi.advanceTimersByTimeAsync(800);
    expect(states.at(-1)).toEqual({
      proofPending: null,
      proofFingerprints: null,
      proofStatus: 'starting',
      proofReport: null,
      provedSchema: null,
      proofError: 'The proof ran past 800 ms and was stopped; PostgreSQL is restarting.',
    });
    expect(workers).toHaveLength(2);
  });
});

it('merges a proof of what changed with the known results: chunks as they come, relationships proved again marked pending until theirs arrive', async () => {
  const worker = new FakeWorker();
  const states: ProofState[] = [];
  const client = createProofClient((s) => states.push(s), { createWorker: () => worker });
  const { schema } = aSchema(ends.exactlyOne, ends.zeroOrMany);
  const [kept, edited] = [schema.relationships[0]!.id, 'rel_edited' as RelationshipId];
  const twoRelationships = { ...schema, relationships: [...schema.relationships, { ...schema.relationships[0]!, id: edited }] };
  const result = (relationshipId: RelationshipId, title: string) => ({ relationshipId, title }) as ScenarioResult;
  const fingerprints = { relationships: {}, tables: {}, buildsWhole: false };
  const known = { results: [result(kept, 'old kept'), result(edited, 'old edited')], fingerprints };
  worker.reply({ type: 'ready' });
  client.request(twoRelationships, () => known);
  expect(worker.sent.at(-1)).toMatchObject({ type: 'prove', known: fingerprints });
  worker.reply({ type: 'progress', id: 1, progress: { plan: [edited] } });
  expect(states.at(-1)).toMatchObject({ proofPending: new Set([edited]) });
  worker.reply({ type: 'progress', id: 1, progress: { results: [result(edited, 'new edited')] } });
  expect(states.at(-1)!.proofReport!.results.map((r) => r.title)).toEqual(['old kept', 'new edited']);
  worker.reply({ type: 'done', id: 1, result: { problems: [], results: [], fingerprints, proved: [edited] } });
  await new Promise((settled) => setTimeout(settled, 0));
  expect(states.at(-1)).toMatchObject({ proofStatus: 'ready', proofPending: null, proofFingerprints: fingerprints });
  expect(states.at(-1)!.proofReport!.results.map((r) => r.title)).toEqual(['old kept', 'new edited']);
});

it('formats time limits in words', () => {
  expect([formatDuration(1), formatDuration(800), formatDuration(20_000), formatDuration(1500)]).toEqual([
    '1 ms',
    '800 ms',
    '20 s',
    '1.5 s',
  ]);
});
