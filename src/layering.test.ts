import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as {
  forbidden: unknown[];
  options: Record<string, unknown>;
};

/** Scratch trees, one per case: a src/ with two files, `from` importing `to`. */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'layering-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let cases = 0;
/** How `from` imports `to`: its text, relative when `to` is a file under src/, else a package name. */
const importOf = (from: string, to: string, name = 'x') =>
  `import { ${name} } from '${to.startsWith('src/') ? path.relative(path.dirname(from), to).replace(/^(?!\.)/, './') : to}';\nexport const y = ${name};\n`;

/**
 * The rules the import `from` -> `to` breaks, by name. `to` is a file under src/ (written, unless
 * `missing`; importing `from` back when `cycle`) or a package.
 */
async function brokenRules(from: string, to: string, { missing = false, cycle = false } = {}): Promise<string[]> {
  const base = path.join(dir, `case${cases++}`);
  const files: [string, string][] = [[from, importOf(from, to)]];
  if (to.startsWith('src/') && !missing)
    files.push([to, cycle ? `${importOf(to, from, 'y')}export const x = 1;\n` : 'export const x = 1;\n']);
  for (const [file, text] of files) {
    mkdirSync(path.join(base, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(base, file), text);
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(base, 'node_modules'));
  writeFileSync(
    path.join(base, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { allowImportingTsExtensions: true, moduleResolution: 'bundler', noEmit: true } }),
  );
  const cwd = process.cwd();
  process.chdir(base);
  try {
    const result = await cruise(['src'], {
      ...config.options,
      preserveSymlinks: true,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
    } as never);
    return (result.output as ICruiseResult).summary.violations.map((v) => v.rule.name);
  } finally {
    process.chdir(cwd);
  }
}

describe('the import table (.dependency-cruiser.cjs), as `npm run lint` checks it', () => {
  it.each([
    ['src/ddl/a.ts', 'src/io/b.ts', 'layering-ddl'],
    ['src/proof/a.ts', 'src/io/b.ts', 'layering-proof'],
    ['src/db/a.ts', 'src/ddl/b.ts', 'layering-db'],
    ['src/model/a.ts', 'src/ddl/b.ts', 'layering-model'],
    ['src/store/a.ts', 'src/app/b.ts', 'layering-store'],
    ['src/canvas/a.ts', 'src/panels/b.ts', 'layering-canvas'],
    ['src/panels/a.ts', 'src/canvas/b.ts', 'layering-panels'],
    ['src/panels/a.ts', 'src/worker/b.ts', 'layering-panels'],
    ['src/keeping/a.ts', 'src/panels/b.ts', 'layering-keeping'],
    ['src/worker/a.ts', 'src/store/b.ts', 'layering-worker'],
    ['src/layout/a.ts', 'src/io/b.ts', 'layering-layout'],
    ['src/migrate/a.ts', 'src/proof/b.ts', 'layering-migrate'],
    ['src/collab/a.ts', 'src/store/b.ts', 'layering-collab'],
    ['src/server/a.ts', 'src/ddl/b.ts', 'layering-server'],
    ['src/app/a.ts', 'src/testing/b.ts', 'only-tests-use-testing'],
    ['src/model/a.test.ts', 'src/store/b.ts', 'core-tests-stay-in-core'],
    ['src/panels/a.ts', 'src/store/selectors.ts', 'store-through-its-index'],
    ['src/keeping/a.test.ts', 'src/store/workSlice.ts', 'store-through-its-index'],
  ])('refuses %s -> %s (%s)', async (from, to, rule) => {
    expect(await brokenRules(from, to)).toContain(rule);
  });

  it.each([
    ['src/store/a.test.ts', 'src/keeping/b.ts', 'test-layering-store'],
    ['src/newFolder/a.ts', 'src/model/b.ts', 'every-folder-is-in-the-table'],
    ['src/model/a.ts', 'react', 'core-is-ui-free'],
    ['src/worker/a.ts', 'zustand', 'core-is-ui-free'],
    ['src/model/a.ts', 'node:fs', 'bundled-code-uses-no-node-builtins'],
    ['src/panels/a.tsx', 'worker_threads', 'bundled-code-uses-no-node-builtins'],
    ['src/io/a.ts', 'pg', 'bundled-code-is-browser-safe'],
    ['src/layout/a.ts', '@electric-sql/pglite', 'model-imports-no-engine'],
    ['src/app/a.ts', 'src/store/editorStore.ts', 'store-through-its-index'],
  ])('refuses %s -> %s (%s)', async (from, to, rule) => {
    expect(await brokenRules(from, to)).toContain(rule);
  });

  it('refuses an import that resolves to nothing, and a cycle', async () => {
    expect(await brokenRules('src/model/a.ts', 'src/model/missing.ts', { missing: true })).toContain('not-to-unresolvable');
    expect(await brokenRules('src/model/a.ts', 'src/model/b.ts', { cycle: true })).toContain('no-circular');
  });

  it.each([
    ['src/db/a.ts', 'node:fs'],
    ['src/cli/a.ts', 'pg'],
    ['src/store/a.test.ts', 'src/proof/b.ts'],
    ['src/ddl/a.ts', 'src/model/b.ts'],
    ['src/proof/a.ts', 'src/migrate/b.ts'],
    ['src/panels/a.ts', 'src/keeping/b.ts'],
    ['src/app/a.ts', 'src/worker/b.ts'],
    ['src/cli/a.ts', 'src/io/b.ts'],
    ['src/model/a.test.ts', 'src/testing/b.ts'],
    ['src/canvas/a.ts', 'src/store/index.ts'],
    ['src/store/a.ts', 'src/store/b.ts'],
  ])('allows %s -> %s', async (from, to) => {
    expect(await brokenRules(from, to)).toEqual([]);
  });
});
