// Runs one SQL import in a worker thread (see importInWorker.ts): PGlite executes on the thread that
// calls it, so only another thread can stop a statement that never ends.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { importSqlInPglite } = await import('../io/importSqlInPglite.ts');
const { shippedDataDir } = await import('./shippedDataDir.ts');
parentPort.postMessage(await importSqlInPglite(workerData.sql, shippedDataDir()));
