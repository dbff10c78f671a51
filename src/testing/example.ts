import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProjectFile } from '../io/index.ts';
import type { ErdDocument } from '../model/index.ts';

/** The example every newcomer sees, as shipped in examples/. */
export const examplePath = join(process.cwd(), 'examples/classic-one-to-one.erd.json');

/** The shipped example document, parsed; throws when it no longer loads. */
export function exampleDocument(): ErdDocument {
  const loaded = parseProjectFile(readFileSync(examplePath, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.document;
}
