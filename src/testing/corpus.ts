import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The shared corpus of real schemas, `../shared/corpus` beside the repository (found from this file,
 * never from an absolute path): the developers' layout. A user's clone has none, so tests reading it
 * skip, saying why.
 */
export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));

/** Whether one corpus file is there to read; when it is not, says once on the console which tests skip and why. */
export function hasCorpusFile(name: string): boolean {
  const present = existsSync(corpusDir + name);
  if (!present)
    console.warn(
      `Skipping the tests on ${name}: the shared corpus is not at ${corpusDir} (it sits beside the repository on the developers' machines).`,
    );
  return present;
}

/** One corpus file's text, or an empty string when it is absent (its tests are skipped through `hasCorpusFile`). */
export function readCorpusFile(name: string): string {
  return existsSync(corpusDir + name) ? readFileSync(corpusDir + name, 'utf8') : '';
}
