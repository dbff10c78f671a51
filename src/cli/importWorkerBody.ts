// The body of the import worker (see importInWorker.ts): run from sources by importWorker.mjs through tsx,
// and built into dist-cli/importWorker.mjs by scripts/buildCli.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { importSqlInPglite } from '../io/importSqlInPglite.ts';
import { shippedDataDir } from './shippedDataDir.ts';

parentPort!.postMessage(await importSqlInPglite((workerData as { sql: string }).sql, shippedDataDir()));
