import { newId, type VersionId } from './ids.ts';
import type { Schema, Version, VersionKind } from './schema.ts';

/** The kinds a version can be, in the order a list explains them: the one list the project file reads. */
export const versionKinds = ['imported', 'marked'] as const satisfies readonly VersionKind[];

/** Longest version name kept: a label in a list and a picker, not a changelog. */
export const maxVersionNameLength = 120;

/**
 * A version name as it is kept: control characters (a pasted newline, a NUL) become spaces, runs of
 * spaces one, the ends are trimmed and the rest cut to `maxVersionNameLength`; undefined when nothing
 * is left, as a version must be told apart in a list by its name.
 */
export function versionName(name: string): string | undefined {
  const cleaned = name
    .replace(/[\p{Cc}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return cleaned === '' ? undefined : [...cleaned].slice(0, maxVersionNameLength).join('').trim();
}

/** A new version holding `schema` as it is now; undefined when the name is empty once cleaned. */
export function makeVersion(name: string, schema: Schema, kind: VersionKind, now: Date): Version | undefined {
  const kept = versionName(name);
  return kept === undefined ? undefined : { id: newId('ver'), name: kept, createdAt: now.toISOString(), kind, schema };
}

/** The name of the version an import makes: after the file, or "imported script" for pasted text. */
export function importedVersionName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return versionName(base === '' ? 'imported script' : `imported from ${base}`) ?? 'imported script';
}

/** The name "Mark as deployed…" offers: "deployed 2026-12-03 17:00", in the user's local time. */
export function deployedName(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  return `deployed ${day} ${two(now.getHours())}:${two(now.getMinutes())}`;
}

/** Renames a version; the same array when the name is empty once cleaned or unchanged, or no version has that id. */
export function renameVersion(versions: readonly Version[], id: VersionId, name: string): readonly Version[] {
  const kept = versionName(name);
  const at = versions.findIndex((v) => v.id === id);
  if (kept === undefined || at < 0 || versions[at]!.name === kept) return versions;
  return versions.map((v, i) => (i === at ? { ...v, name: kept } : v));
}

/** Removes a version; the same array when no version has that id. */
export function deleteVersion(versions: readonly Version[], id: VersionId): readonly Version[] {
  return versions.some((v) => v.id === id) ? versions.filter((v) => v.id !== id) : versions;
}

/** The versions newest first, by date; of two made at the same moment, the one added later comes first. */
export function versionsNewestFirst(versions: readonly Version[]): Version[] {
  return versions
    .map((version, order) => ({ version, order }))
    .sort((a, b) => (a.version.createdAt === b.version.createdAt ? b.order - a.order : a.version.createdAt < b.version.createdAt ? 1 : -1))
    .map(({ version }) => version);
}

/**
 * The version a migration starts from unless the user picks another: the newest marked one (what was
 * deployed last), or, when none is marked, the newest of any kind (the import); undefined when there are none.
 */
export function defaultBaseVersion(versions: readonly Version[]): Version | undefined {
  const newestFirst = versionsNewestFirst(versions);
  return newestFirst.find((v) => v.kind === 'marked') ?? newestFirst[0];
}
