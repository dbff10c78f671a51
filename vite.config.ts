import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { shippedDataDirPlugin } from './scripts/shippedDataDir.ts';
import { parserWasmPlugin } from './scripts/parserWasmPlugin.ts';
import { collabDevServerPlugin } from './scripts/collabDevServer.ts';

/** Vite builds the app (and makes the PGlite data directory it ships), and `vite`/`vite preview` run the collaboration server beside it; Vitest reads the `test` block (unit tests run in Node). */
export default defineConfig({
  plugins: [react(), shippedDataDirPlugin(), parserWasmPlugin(), collabDevServerPlugin()],
  // PGlite ships its own wasm and data files; pre-bundling breaks their URLs (the parser's wasm is served by parserWasmPlugin).
  optimizeDeps: { exclude: ['@electric-sql/pglite'] },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./vitest.setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
