import { spawn, spawnSync } from 'node:child_process';

/** A running `vite preview` of the production build, for the browser benchmarks. */
export interface PreviewServer {
  /** Stops the preview (and the collaboration server its plugin started). */
  close(): void;
}

/** Builds the app unless told not to, then serves dist/ with `vite preview` on 127.0.0.1:`port` (benchmarks judge production builds). */
export function servePreview(port: number, { build = true } = {}): PreviewServer {
  if (build) {
    const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], { encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`vite build failed: ${built.stderr}`);
  }
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    stdio: 'ignore',
    detached: true,
  });
  return { close: () => process.kill(-server.pid!) };
}
