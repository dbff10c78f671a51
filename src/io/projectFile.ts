import type { ErdDocument, Layout, Schema, Version } from '../model/index.ts';
import { latestProjectFileVersion, migrateProjectFile, type ProjectFileJson } from './projectFileMigrations.ts';
import { projectFileSchema } from './projectFileSchema.ts';

/** The project file format this app writes; older versions are migrated step by step on load (projectFileMigrations.ts). */
export const projectFileVersion = latestProjectFileVersion;
/** Extension of saved projects. */
export const projectFileExtension = '.erd.json';

/**
 * A loaded document, or a one-line reason it could not be loaded. A file from a newer editor that
 * this one can still read comes back `readOnly: true` with a message to show: saving it here
 * would drop what this version does not know.
 */
export type LoadResult =
  | { ok: true; document: ErdDocument; readOnly?: false }
  | { ok: true; document: ErdDocument; readOnly: true; message: string }
  | { ok: false; error: string };

/** Serializes a document as a versioned project file, stable and readable in diffs (`indent` 0: compact, for the browser's edit journal). */
export function serializeProjectFile(document: ErdDocument, indent = 2): string {
  const layout = Object.fromEntries(document.schema.tables.filter((t) => document.layout[t.id]).map((t) => [t.id, document.layout[t.id]]));
  return (
    JSON.stringify(
      {
        format: 'erd-proof',
        version: projectFileVersion,
        schema: document.schema,
        layout,
        ...(document.notes?.length ? { notes: document.notes } : {}),
        ...(document.versions?.length ? { versions: document.versions } : {}),
      },
      null,
      indent,
    ) + '\n'
  );
}

/** Parses and validates a project file's text; every error says where in the file the problem is. */
export function parseProjectFile(text: string): LoadResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
  const version = json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as { version?: unknown }).version : undefined;
  const isNewer = typeof version === 'number' && Number.isInteger(version) && version > projectFileVersion;
  const newer = `made by a newer version of the editor (file version ${String(version)}, this one reads up to ${projectFileVersion})`;
  if (isNewer) {
    // Read it as this version's format: unknown fields are dropped, so it may only be looked at.
    const loaded = validateProjectFile({ ...(json as ProjectFileJson), version: projectFileVersion });
    return loaded.ok
      ? { ok: true, document: loaded.document, readOnly: true, message: `${newer}: opened read-only` }
      : { ok: false, error: `${newer} and cannot be read: ${loaded.error}` };
  }
  const isOlder = typeof version === 'number' && Number.isInteger(version) && version >= 1 && version < projectFileVersion;
  return validateProjectFile(isOlder ? migrateProjectFile(json as ProjectFileJson, version) : json);
}

/** Validates a file already in this version's format. */
function validateProjectFile(json: unknown): { ok: true; document: ErdDocument } | { ok: false; error: string } {
  const parsed = projectFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'the file';
    return { ok: false, error: `${where}: ${issue.message}` };
  }
  const { schema, notes, versions = [] } = parsed.data;
  const broken = findBrokenLink(schema) ?? findNoteClash(schema, notes) ?? findVersionProblem(versions);
  if (broken) return { ok: false, error: broken };
  const layout: Layout = {};
  for (const t of schema.tables) layout[t.id] = parsed.data.layout[t.id] ?? { x: 0, y: 0 };
  return { ok: true, document: { schema, layout, notes, ...(versions.length > 0 ? { versions } : {}) } };
}

/** Notes and tables share the canvas, told apart by the `note_` prefix: no clash, no duplicate. */
function findNoteClash(schema: Schema, notes: readonly { id: string }[]): string | undefined {
  const table = schema.tables.findIndex((t) => t.id.startsWith('note_'));
  if (table >= 0) return `schema.tables.${table}.id: a table id cannot start with note_`;
  const seen = new Set<string>();
  for (const [i, note] of notes.entries()) {
    if (seen.has(note.id)) return `notes.${i}.id: "${note.id}" is used twice`;
    seen.add(note.id);
  }
  return undefined;
}

/** Each version's schema holds together like the main one, and no two versions share an id. */
function findVersionProblem(versions: readonly Version[]): string | undefined {
  const seen = new Set<string>();
  for (const [i, version] of versions.entries()) {
    if (seen.has(version.id)) return `versions.${i}.id: "${version.id}" is used twice`;
    seen.add(version.id);
    const broken = findBrokenLink(version.schema, `versions.${i}.schema`);
    if (broken) return broken;
  }
  return undefined;
}

/** Ids must be unique and every reference must land: a file is never half-loaded. */
function findBrokenLink(schema: Schema, at = 'schema'): string | undefined {
  const seen = new Set<string>();
  const columnsOf = new Map<string, Set<string>>();
  for (const [ti, table] of schema.tables.entries()) {
    if (seen.has(table.id)) return `${at}.tables.${ti}.id: id "${table.id}" is used twice`;
    seen.add(table.id);
    const columns = new Set<string>();
    for (const [ci, column] of table.columns.entries()) {
      if (seen.has(column.id)) return `${at}.tables.${ti}.columns.${ci}.id: id "${column.id}" is used twice`;
      seen.add(column.id);
      columns.add(column.id);
    }
    for (const [ii, index] of table.indexes.entries()) {
      const stray = index.columnIds.find((c) => !columns.has(c));
      if (stray) return `${at}.tables.${ti}.indexes.${ii}.columnIds: no column "${stray}" in table "${table.name}"`;
    }
    columnsOf.set(table.id, columns);
  }
  for (const [ri, rel] of schema.relationships.entries()) {
    if (seen.has(rel.id)) return `${at}.relationships.${ri}.id: id "${rel.id}" is used twice`;
    seen.add(rel.id);
    for (const side of ['from', 'to'] as const) {
      if (!columnsOf.has(rel[side].tableId)) return `${at}.relationships.${ri}.${side}.tableId: no table has id "${rel[side].tableId}"`;
    }
    const holder = columnsOf.get(rel[rel.keyHolder].tableId)!;
    const stray = rel.foreignKeyColumnIds.find((c) => !holder.has(c));
    if (stray) return `${at}.relationships.${ri}.foreignKeyColumnIds: no column "${stray}" in the key holder's table`;
    const parent = columnsOf.get(rel[rel.keyHolder === 'from' ? 'to' : 'from'].tableId)!;
    const strayReferenced = rel.referencedColumnIds?.find((c) => !parent.has(c));
    if (strayReferenced) return `${at}.relationships.${ri}.referencedColumnIds: no column "${strayReferenced}" in the referenced table`;
  }
  return undefined;
}
