#!/usr/bin/env node
// The `erd` command. It runs the JavaScript built into dist-cli/ (scripts/buildCli.ts). In a clone whose
// build is missing or older than its sources, it runs the TypeScript sources through tsx instead (a
// devDependency, seconds slower), saying so once on stderr: a developer's edit is never hidden by an old
// build, and the tests that run this bin test what is in the tree.
import { setFlagsFromString } from 'node:v8';
import { builtCliState } from './cliBuild.mjs';

// WebAssembly (PostgreSQL's parser, PGlite) compiled by V8's baseline compiler only: its optimising
// compiler recompiling the hot functions in the background cost more than it saved in every command
// measured on 2 cores (erd ddl 1.2 s -> 0.4 s, prove 2.9 s -> 1.1 s, import of Lago 16.5 s -> 13.8 s).
// Set before any module is compiled; worker threads share the flag.
setFlagsFromString('--liftoff-only');

const state = builtCliState();
let cli;
if (state === 'current') {
  cli = await import('../../dist-cli/main.mjs');
} else {
  const tsx = await import('tsx/esm/api').catch(() => undefined);
  if (!tsx) {
    process.stderr.write(
      'erd: the command line is not built (dist-cli/ is missing) and tsx is not installed to run its sources: run `npm run build:cli` where the package was cloned\n',
    );
    process.exit(2);
  }
  const why = state === 'missing' ? 'dist-cli/ is not built' : 'the sources changed since dist-cli/ was built';
  process.stderr.write(`erd: ${why}; running the TypeScript sources with tsx (slower; \`npm run build:cli\` builds it)\n`);
  tsx.register();
  cli = await import('./main.ts');
}
process.exitCode = await cli.main(process.argv.slice(2), cli.nodeIo());
