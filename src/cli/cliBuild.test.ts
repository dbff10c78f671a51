import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtCliState } from './cliBuild.mjs';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A package root with the given files (paths relative to it), each last modified at `at` seconds. */
function packageWith(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'erd-cli-build-'));
  roots.push(root);
  for (const [path, at] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(
      join(root, path),
      path.endsWith('inputs.json') ? JSON.stringify({ inputs: ['src/cli/main.ts', 'src/model/schema.ts'] }) : '',
    );
    utimesSync(join(root, path), at, at);
  }
  return root;
}

describe('which erd the bin runs', () => {
  it('runs the build when no source is newer than it', () => {
    expect(builtCliState(packageWith({ 'src/cli/main.ts': 100, 'src/model/schema.ts': 100, 'dist-cli/inputs.json': 200 }))).toBe('current');
  });

  it('runs the sources of a clone where one changed after the build, or one it read is gone', () => {
    expect(builtCliState(packageWith({ 'src/cli/main.ts': 100, 'src/model/schema.ts': 300, 'dist-cli/inputs.json': 200 }))).toBe('stale');
    expect(builtCliState(packageWith({ 'src/cli/main.ts': 100, 'dist-cli/inputs.json': 200 }))).toBe('stale');
  });

  it('says the build is missing in a clone that has none yet', () => {
    expect(builtCliState(packageWith({ 'src/cli/main.ts': 100 }))).toBe('missing');
  });

  it('trusts the build of an installed package, which has no sources to compare with', () => {
    expect(builtCliState(packageWith({ 'src/cli/erd.mjs': 300, 'dist-cli/inputs.json': 200 }))).toBe('current');
  });
});
