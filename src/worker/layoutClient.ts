import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

let elk: InstanceType<typeof ELK> | null = null;

/** ELK in its own bundled worker (created on first use), so a large layout never blocks the page. */
export function elkInWorker(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerFactory: () => new Worker(elkWorkerUrl, { name: 'elk-layout' }) });
  return elk;
}
