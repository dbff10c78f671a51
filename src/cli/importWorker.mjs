// Runs one SQL import in a worker thread (see importInWorker.ts): PGlite executes on the thread that
// calls it, so only another thread can stop a statement that never ends. This is the worker run from
// sources (tsx); the built CLI runs dist-cli/importWorker.mjs, made from the same importWorkerBody.ts.
import { register } from 'tsx/esm/api';

register();
await import('./importWorkerBody.ts');
