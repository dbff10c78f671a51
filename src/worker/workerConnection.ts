import type { ProofProgress, TaskResults, WorkerRequest, WorkerResponse, WorkerTask } from './proofProtocol.ts';

/** A task that ran past its time limit; the worker was stopped and a fresh one started. */
export class TimeLimitError extends Error {}

/** The worker died or PostgreSQL could not start in it; the task did not run to the end. */
export class WorkerCrashError extends Error {}

/** The part of `Worker` the connection uses, so tests can stand in for it. */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<WorkerResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

/** A PostgreSQL worker that runs one task at a time and is replaced when a task overruns or it dies. */
export interface WorkerConnection {
  /**
   * Sends a task; `timeLimitMs` overrides the connection's limit for this one (an import of a large script);
   * `onProgress` hears what the task reports before it is done (a proof's plan and chunks of results).
   */
  send<T extends WorkerTask>(
    task: T,
    timeLimitMs?: number,
    onProgress?: (progress: ProofProgress) => void,
  ): Promise<TaskResults[T['type']]>;
}

export interface ConnectionOptions {
  /** Starts a worker: the real script in the app, a fake in tests. */
  createWorker(): WorkerLike;
  timeLimitMs: number;
  /** How long PostgreSQL may take to start before the start counts as failed. */
  startTimeLimitMs?: number;
  /** PostgreSQL is up (again): after the first start and after each restart. */
  onReady(): void;
  /** A task overran and the worker is being replaced; PostgreSQL is starting again. */
  onRestart(): void;
  /** The worker died, or PostgreSQL could not start; the next task tries a fresh worker. */
  onCrash(message: string): void;
}

interface Call {
  id: number;
  task: WorkerTask;
  timeLimitMs: number;
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: ((progress: ProofProgress) => void) | undefined;
}

/** "800 ms" / "20 s": how long a time limit is, in words. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** PostgreSQL starts in about a second from the shipped data directory, 5-7 s with initdb. */
const defaultStartTimeLimitMs = 60_000;

/**
 * Queues tasks for a worker and sends them one at a time once it is ready, so the time limit measures
 * a task's own run. A task past the limit is rejected with `TimeLimitError`, the worker is terminated
 * (the only way to stop PostgreSQL mid-statement) and a new one started; queued tasks go to the new one.
 * A worker that dies or cannot start rejects its tasks with `WorkerCrashError`; the next task starts a fresh one.
 */
export function connectWorker(options: ConnectionOptions): WorkerConnection {
  let worker: WorkerLike | null = null;
  let isReady = false;
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: (Call & { timer: ReturnType<typeof setTimeout> }) | null = null;
  const queue: Call[] = [];
  let nextId = 0;

  const pump = () => {
    if (!worker) start();
    if (!isReady || inFlight || queue.length === 0) return;
    const call = queue.shift()!;
    inFlight = { ...call, timer: setTimeout(() => overrun(call.id), call.timeLimitMs) };
    worker!.postMessage({ ...call.task, id: call.id } satisfies WorkerRequest);
  };

  const settle = (): Call => {
    const call = inFlight!;
    clearTimeout(inFlight!.timer);
    inFlight = null;
    return call;
  };

  const stop = () => {
    clearTimeout(startTimer);
    worker?.terminate();
    worker = null;
    isReady = false;
  };

  const overrun = (id: number) => {
    if (inFlight?.id !== id) return;
    const call = settle();
    stop();
    options.onRestart();
    start();
    call.reject(new TimeLimitError(`stopped after ${formatDuration(call.timeLimitMs)}`));
  };

  /** Everything waiting fails with the crash; nothing restarts until the next task asks. */
  const crash = (message: string) => {
    const waiting = [...(inFlight ? [settle()] : []), ...queue.splice(0)];
    stop();
    options.onCrash(message);
    for (const call of waiting) call.reject(new WorkerCrashError(message));
  };

  const handleMessage = ({ data }: MessageEvent<WorkerResponse>) => {
    if (data.type === 'ready') {
      clearTimeout(startTimer);
      isReady = true;
      options.onReady();
    } else if (data.type === 'startFailed') {
      crash(`PostgreSQL could not start: ${data.message}`);
      return;
    } else if (data.type === 'progress') {
      if (data.id === inFlight?.id) inFlight.onProgress?.(data.progress);
      return;
    } else if (data.id === inFlight?.id) {
      const call = settle();
      if (data.type === 'done') call.resolve(data.result);
      else call.reject(new Error(data.message));
    }
    pump();
  };

  const start = () => {
    isReady = false;
    worker = options.createWorker();
    worker.onmessage = handleMessage;
    worker.onerror = (event) => crash(`the worker stopped: ${event.message || 'unknown error'}`);
    const limit = options.startTimeLimitMs ?? defaultStartTimeLimitMs;
    startTimer = setTimeout(() => crash(`PostgreSQL did not start within ${formatDuration(limit)}`), limit);
  };

  start();
  return {
    send<T extends WorkerTask>(task: T, timeLimitMs = options.timeLimitMs, onProgress?: (progress: ProofProgress) => void) {
      return new Promise<TaskResults[T['type']]>((resolve, reject) => {
        queue.push({ id: ++nextId, task, timeLimitMs, resolve: resolve as (value: unknown) => void, reject, onProgress });
        pump();
      });
    },
  };
}
