// `npm start` (vite) and `vite preview` run the collaboration server beside the app: started by this
// plugin on a free port of 127.0.0.1, with the dev server proxying /collab (the websocket) and /api to
// it, so the page talks to its own origin as it does behind `erd serve`. One command, no set-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin, ProxyOptions } from 'vite';
import { shippedDataDir } from '../src/cli/shippedDataDir.ts';
import type { CollabServer } from '../src/server/startCollabServer.ts';

/**
 * Starts the collaboration server for `vite` (rooms kept in .erd-server/, across restarts) and `vite
 * preview` (rooms in a temporary folder, removed on close: several previews, as the e2e runs start,
 * never share a PGlite). Nothing for `vite build` or Vitest.
 */
export function collabDevServerPlugin(): Plugin {
  let server: CollabServer | undefined;
  let temporary: string | undefined;
  const stop = async () => {
    await server?.stop();
    server = undefined;
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  };
  return {
    name: 'erd-collab-server',
    async config(_config, { command, isPreview }) {
      if (command !== 'serve' || process.env.VITEST) return;
      const { startCollabServer } = await import('../src/server/startCollabServer.ts');
      if (isPreview) {
        temporary = mkdtempSync(join(tmpdir(), 'erd-preview-rooms-'));
        process.once('exit', () => rmSync(temporary!, { recursive: true, force: true })); // vite preview exits on SIGTERM without closing
      }
      const dir = temporary ?? join(process.cwd(), '.erd-server');
      server = await startCollabServer({
        port: 0,
        host: '127.0.0.1',
        storage: { dir, startingDataDir: shippedDataDir() },
        log: (line) => process.stderr.write(`collaboration server: ${line}\n`),
      });
      const proxy: Record<string, ProxyOptions> = {
        '/collab': { target: server.httpUrl, ws: true },
        '/api': { target: server.httpUrl },
      };
      return { server: { proxy }, preview: { proxy } };
    },
    configureServer(vite) {
      vite.httpServer?.once('close', () => void stop());
    },
    configurePreviewServer(preview) {
      preview.httpServer.once('close', () => void stop());
    },
  };
}
