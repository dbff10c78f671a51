import { existsSync } from 'node:fs';

/** Flags this machine class needs: no sandbox as root, no GPU, and no calls home on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The system Chromium the browser tests drive: $CHROMIUM_PATH, or Debian's /usr/bin/chromium.
 * Tests never download a browser; without one they stop here and say how to get one.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `No Chromium found (looked at ${candidates.join(', ')}).\n` +
      'Install one with:  sudo apt-get install chromium\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome binary. The tests never download a browser.',
  );
}
