// Which `erd` runs: the JavaScript built into dist-cli/ by scripts/buildCli.ts (on `npm install` in a
// clone, `npm run build`, `npm pack`), unless this is a clone with no build yet or whose sources changed
// since it was built. Plain JavaScript, so the bin decides without compiling anything.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's root: the clone, or node_modules/erd-proof/ where it is installed. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The built CLI's folder, and the file listing the sources it was built from (written last by the build). */
export const builtCliDir = join(packageRoot, 'dist-cli');
export const builtInputsFile = join(builtCliDir, 'inputs.json');

/**
 * 'current' when dist-cli/ holds a build no older than any of its sources (an installed package has
 * no sources: its build is current), 'missing' without a build, 'stale' when a source is newer or gone.
 * Costs one stat per source file (about 150), a few milliseconds.
 */
export function builtCliState(root = packageRoot) {
  const stamp = join(root, 'dist-cli', 'inputs.json');
  if (!existsSync(stamp)) return 'missing';
  if (!existsSync(join(root, 'src', 'cli', 'main.ts'))) return 'current';
  const builtAt = statSync(stamp).mtimeMs;
  const { inputs } = JSON.parse(readFileSync(stamp, 'utf8'));
  const older = (file) => {
    try {
      return statSync(join(root, file)).mtimeMs <= builtAt;
    } catch {
      return false;
    }
  };
  return inputs.every(older) ? 'current' : 'stale';
}
