#!/usr/bin/env node
// The `erd` command. tsx lets Node 20 run the TypeScript core directly, so the CLI and the app share one source.
import { register } from 'tsx/esm/api';

register();
const { main, nodeIo } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2), nodeIo());
