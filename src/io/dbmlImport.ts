import { Parser } from '@dbml/core';
import {
  defaultSchemaName,
  newId,
  primaryKeyOf,
  referentialActions,
  type Column,
  type ErdDocument,
  type ReferentialAction,
  type Relationship,
  type Schema,
  type Table,
} from '../model/index.ts';
import { gridLayout } from '../layout/gridLayout.ts';
import { parseProjectFile, serializeProjectFile } from './projectFile.ts';

/** A document read from DBML, or the first problem with its 1-based line and column when DBML gives one. */
export type DbmlImportResult = { ok: true; document: ErdDocument } | { ok: false; error: string; line?: number; column?: number };

/** The parts of @dbml/core's parsed JSON this importer reads (the JSON is data, typed here by hand). */
interface Position {
  line: number;
  column: number;
}
interface RawField {
  name: string;
  type: { schemaName?: string | null; type_name: string };
  pk?: boolean;
  unique?: boolean;
  not_null?: boolean;
  increment?: boolean;
  note?: { value: string } | null;
  dbdefault?: { type: string; value: unknown } | null;
  inline_refs?: RawEndpoint[];
}
interface RawTable {
  name: string;
  schemaName?: string | null;
  note?: { value: string } | null;
  fields: RawField[];
  indexes?: { columns: { value: string; type: string }[]; pk?: boolean; unique?: boolean; name?: string | null }[];
  checks?: { expression: string; name?: string | null }[];
}
interface RawEndpoint {
  schemaName?: string | null;
  tableName: string;
  fieldNames: string[];
  relation: string;
}
interface RawRef {
  name?: string | null;
  endpoints: RawEndpoint[];
  onDelete?: string | null;
  onUpdate?: string | null;
  token?: { start: Position };
}
interface RawDatabase {
  tables: RawTable[];
  refs: RawRef[];
  enums: { name: string; schemaName?: string | null; values: { name: string }[] }[];
}

/**
 * Reads DBML into a new document. `>`/`<` become one-to-many, `-` one-to-one (held by the field
 * that declares an inline ref, else by the left side, unless only the left side is a primary
 * key), `<>` many-to-many. DBML has no minimum for an end: the child end is optional, and the
 * parent end is mandatory exactly when every foreign-key column is NOT NULL. A one-to-one whose
 * foreign key is the child's primary key is a shared primary key. Tables are laid out on
 * the importers' grid (layout/gridLayout.ts).
 */
export function importDbml(text: string): DbmlImportResult {
  let raw: RawDatabase;
  try {
    raw = Parser.parseDBMLToJSONv2(text) as unknown as RawDatabase;
  } catch (error) {
    return parseFailure(error);
  }
  const built = buildSchema(raw);
  if (!built.ok) return built;
  const layout = gridLayout(built.schema.tables);
  // The project file's own checks (unique ids, every reference landing) hold for imports too.
  const checked = parseProjectFile(serializeProjectFile({ schema: built.schema, layout }));
  return checked.ok
    ? { ok: true, document: checked.document }
    : { ok: false, error: `the DBML does not make a valid document: ${checked.error}` };
}

/** @dbml/core throws `{ diags: [{ message, location: { start: { line, column } } }] }` for DBML it cannot read. */
function parseFailure(error: unknown): DbmlImportResult {
  const diags = (error as { diags?: { message?: unknown; location?: { start?: Position } }[] } | null)?.diags;
  const first = Array.isArray(diags) ? diags[0] : undefined;
  if (!first) return { ok: false, error: `not valid DBML (${error instanceof Error ? error.message : String(error)})` };
  const start = first.location?.start;
  const more = diags!.length > 1 ? ` (and ${diags!.length - 1} more)` : '';
  const message = `${String(first.message)}${more}`;
  return start
    ? { ok: false, error: `line ${start.line}, column ${start.column}: ${message}`, line: start.line, column: start.column }
    : { ok: false, error: message };
}

const tableKey = (schemaName: string | null | undefined, name: string) => `${schemaName || defaultSchemaName}\u0000${name}`;

function buildSchema(raw: RawDatabase): { ok: true; schema: Schema } | { ok: false; error: string; line?: number; column?: number } {
  const tables = new Map<string, Table>();
  for (const rawTable of raw.tables) {
    const table = buildTable(rawTable);
    tables.set(tableKey(rawTable.schemaName, rawTable.name), table);
  }
  const inline = new Set<string>();
  for (const rawTable of raw.tables) {
    for (const field of rawTable.fields) {
      for (const ref of field.inline_refs ?? []) {
        inline.add(
          `${tableKey(rawTable.schemaName, rawTable.name)}\u0000${field.name}\u0001${tableKey(ref.schemaName, ref.tableName)}\u0000${ref.fieldNames.join('\u0000')}`,
        );
      }
    }
  }
  const relationships: Relationship[] = [];
  for (const ref of raw.refs) {
    const rel = buildRelationship(ref, tables, inline);
    if ('error' in rel) return { ok: false, ...rel };
    relationships.push(rel);
  }
  const enums = raw.enums.map((e) => ({
    id: newId('enum'),
    name: e.name,
    schemaName: e.schemaName || defaultSchemaName,
    values: e.values.map((v) => v.name),
  }));
  return { ok: true, schema: { tables: [...tables.values()], relationships, enums } };
}

function buildTable(raw: RawTable): Table {
  const compositeKey = new Set((raw.indexes ?? []).filter((i) => i.pk).flatMap((i) => i.columns.map((c) => c.value)));
  const columns: Column[] = raw.fields.map((f) => {
    const isPrimaryKey = Boolean(f.pk) || compositeKey.has(f.name);
    return {
      id: newId('col'),
      name: f.name,
      type: f.type.schemaName ? `${f.type.schemaName}.${f.type.type_name}` : f.type.type_name,
      isPrimaryKey,
      isNotNull: isPrimaryKey || Boolean(f.not_null),
      isUnique: Boolean(f.unique),
      defaultValue: f.dbdefault ? defaultText(f.dbdefault) : null,
      identity: f.increment ? 'byDefault' : null,
      comment: f.note?.value ?? '',
    };
  });
  const idOf = new Map(columns.map((c) => [c.name, c.id]));
  const indexes = (raw.indexes ?? [])
    .filter((i) => !i.pk && i.columns.length > 0 && i.columns.every((c) => c.type === 'column' && idOf.has(c.value)))
    .map((i) => ({
      id: newId('idx'),
      name: i.name ?? '',
      columnIds: i.columns.map((c) => idOf.get(c.value)!),
      isUnique: Boolean(i.unique),
    }));
  const checks = (raw.checks ?? []).map((c) => ({ id: newId('chk'), name: c.name ?? '', expression: c.expression }));
  return {
    id: newId('tbl'),
    name: raw.name,
    schemaName: raw.schemaName || defaultSchemaName,
    comment: raw.note?.value ?? '',
    columns,
    checks,
    indexes,
  };
}

/** A DBML default as PostgreSQL text: expressions as written, strings quoted as SQL literals. */
function defaultText(value: { type: string; value: unknown }): string {
  if (value.type === 'string') return `'${String(value.value).replace(/'/g, "''")}'`;
  return String(value.value);
}

type Failure = { error: string; line?: number; column?: number };

function buildRelationship(ref: RawRef, tables: ReadonlyMap<string, Table>, inline: ReadonlySet<string>): Relationship | Failure {
  const at = ref.token?.start;
  const fail = (message: string): Failure =>
    at ? { error: `line ${at.line}, column ${at.column}: ${message}`, line: at.line, column: at.column } : { error: message };
  const [a, b] = ref.endpoints;
  if (!a || !b) return fail('a Ref needs two ends');
  const ends = [a, b].map((e) => ({ e, table: tables.get(tableKey(e.schemaName, e.tableName)) }));
  const missing = ends.find((x) => !x.table);
  if (missing) return fail(`no table "${missing.e.tableName}"`);
  const [ea, eb] = ends as { e: RawEndpoint; table: Table }[] as [{ e: RawEndpoint; table: Table }, { e: RawEndpoint; table: Table }];
  const onDelete = action(ref.onDelete);
  const onUpdate = action(ref.onUpdate);
  if (!onDelete || !onUpdate) return fail(`unknown referential action "${!onDelete ? ref.onDelete : ref.onUpdate}"`);
  const base = { id: newId('rel'), name: ref.name ?? '', onDelete, onUpdate, isDeferrable: false, junction: { name: '', columns: [] } };
  const isKey = (x: { e: RawEndpoint; table: Table }) =>
    sameNames(
      x.e.fieldNames,
      primaryKeyOf(x.table).map((c) => c.name),
    );
  if (a.relation === '*' && b.relation === '*') {
    const keyless = [ea, eb].find((x) => !isKey(x));
    if (keyless)
      return fail(
        `a many-to-many must join primary keys; ${keyless.e.fieldNames.join(', ')} is not the primary key of "${keyless.table.name}"`,
      );
    const many = { min: 0, max: 'many' } as const;
    return {
      ...base,
      from: { tableId: ea.table.id, ...many },
      to: { tableId: eb.table.id, ...many },
      keyHolder: 'to',
      oneToOne: 'foreignKeyUnique',
      foreignKeyColumnIds: [],
    };
  }
  let child = a.relation === '*' ? ea : b.relation === '*' ? eb : ea;
  if (a.relation === '1' && b.relation === '1') {
    if (inline.has(endpointKey(eb.e, ea.e))) child = eb;
    const other = child === ea ? eb : ea;
    if (isKey(child) && !isKey(other)) child = other;
  }
  const parent = child === ea ? eb : ea;
  if (!isKey(parent))
    return fail(
      `${parent.e.fieldNames.join(', ')} is not the primary key of "${parent.table.name}"; foreign keys here refer to primary keys`,
    );
  const byParentKey = primaryKeyOf(parent.table).map((pk) => child.e.fieldNames[parent.e.fieldNames.indexOf(pk.name)]!);
  const fkColumns = byParentKey.map((name) => child.table.columns.find((c) => c.name === name));
  if (fkColumns.some((c) => c === undefined)) return fail(`no column ${child.e.fieldNames.join(', ')} in "${child.table.name}"`);
  const columns = fkColumns as Column[];
  const isOneToOne = a.relation === '1' && b.relation === '1';
  const isShared =
    isOneToOne &&
    sameNames(
      columns.map((c) => c.name),
      primaryKeyOf(child.table).map((c) => c.name),
    );
  const parentEnd = { tableId: parent.table.id, min: columns.every((c) => c.isNotNull) ? 1 : 0, max: 1 } as const;
  const childEnd = { tableId: child.table.id, min: 0, max: isOneToOne ? 1 : 'many' } as const;
  return {
    ...base,
    from: parentEnd,
    to: childEnd,
    keyHolder: 'to',
    oneToOne: isShared ? 'sharedPrimaryKey' : 'foreignKeyUnique',
    foreignKeyColumnIds: columns.map((c) => c.id),
  };
}

function endpointKey(owner: RawEndpoint, target: RawEndpoint): string {
  return `${tableKey(owner.schemaName, owner.tableName)}\u0000${owner.fieldNames.join('\u0000')}\u0001${tableKey(target.schemaName, target.tableName)}\u0000${target.fieldNames.join('\u0000')}`;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.length > 0 && a.every((name) => b.includes(name));
}

function action(value: string | null | undefined): ReferentialAction | undefined {
  if (!value) return 'no action';
  const normal = value.trim().toLowerCase().replace(/\s+/g, ' ');
  return referentialActions.find((a) => a === normal);
}
