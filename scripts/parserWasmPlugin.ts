import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const fileName = 'libpg-query.wasm';

/** PostgreSQL's parser compiled to WebAssembly, from the installed libpg-query. */
function parserWasm(): Buffer {
  return readFileSync(join(dirname(createRequire(import.meta.url).resolve('libpg-query')), fileName));
}

/**
 * libpg-query's Emscripten glue fetches `libpg-query.wasm` relative to where it runs, which Vite cannot
 * see: on the page that is the page's own directory (an ES module has no `currentScript`), in a worker
 * the worker script's (`assets/` in a build). The build puts the file in both places; the dev server
 * answers any path ending in that name with it.
 */
export function parserWasmPlugin(): Plugin {
  return {
    name: 'erd:libpg-query-wasm',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.split('?')[0]!.endsWith(`/${fileName}`)) return next();
        res.setHeader('Content-Type', 'application/wasm');
        res.end(parserWasm());
      });
    },
    generateBundle() {
      const source = parserWasm();
      this.emitFile({ type: 'asset', fileName, source });
      this.emitFile({ type: 'asset', fileName: `assets/${fileName}`, source });
    },
  };
}
