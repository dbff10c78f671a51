import { fileNameFor } from './storedDocument.ts';

/** The file names a migration downloads as: `YYYYMMDDHHMMSS_<name>.sql`, and the `.up.sql` / `.down.sql` pair. */
export interface MigrationFileNames {
  single: string;
  up: string;
  down: string;
}

/** UTC, as migration tools order their files: `20261203172000`. */
export function migrationTimestamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getUTCFullYear()}${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}`;
}

/**
 * Names for a migration of the document `documentName` made at `at`: the name made safe for file systems
 * (as a project file's is) and for shells and migration tools (spaces and dots become `_`, lower case).
 */
export function migrationFileNames(documentName: string, at: Date): MigrationFileNames {
  const safe = fileNameFor(documentName)
    .replace(/\.erd\.json$/, '')
    .toLowerCase()
    .replace(/[\s.-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const stem = `${migrationTimestamp(at)}_${safe || 'migration'}`;
  return { single: `${stem}.sql`, up: `${stem}.up.sql`, down: `${stem}.down.sql` };
}
