/** A project file's JSON before it is validated: any object, keys unknown. */
export type ProjectFileJson = Record<string, unknown>;

/** One step of the chain: a pure function that turns a version-`from` file into a version `from + 1` file. */
export interface ProjectFileMigration {
  from: number;
  /** Why the format changed, for whoever adds the next step. */
  reason: string;
  migrate(file: ProjectFileJson): ProjectFileJson;
}

/**
 * Every format change since version 1, oldest first; the last step's `from + 1` is the version this
 * editor writes. A file is migrated one step at a time, so each step only knows its own change.
 */
export const projectFileMigrations: readonly ProjectFileMigration[] = [
  {
    from: 1,
    reason:
      'version 2 may hold schema.sqlObjects (views and functions kept as SQL text); a version-1 editor would drop them on save, so it must see a newer version and open the file read-only',
    migrate: (file) => ({ ...file, version: 2 }),
  },
  {
    from: 2,
    reason:
      'version 3 may hold versions (named copies of the schema, made on import and by Mark as deployed); a version-2 editor would drop them on save, so it must see a newer version and open the file read-only',
    migrate: (file) => ({ ...file, version: 3 }),
  },
];

/** The newest version the chain reaches: what this editor writes and reads without loss. */
export const latestProjectFileVersion = 1 + projectFileMigrations.length;

/**
 * Brings a file of version `version` (1 to latest) up to the latest version, step by step.
 * Throws on a version outside that range; the caller checks the range first.
 */
export function migrateProjectFile(file: ProjectFileJson, version: number): ProjectFileJson {
  if (!Number.isInteger(version) || version < 1 || version > latestProjectFileVersion)
    throw new RangeError(`no migration from version ${version}`);
  let current = file;
  for (const step of projectFileMigrations.slice(version - 1)) {
    current = step.migrate(current);
    if (current.version !== step.from + 1)
      throw new Error(`the migration from version ${step.from} did not produce version ${step.from + 1}`);
  }
  return current;
}
