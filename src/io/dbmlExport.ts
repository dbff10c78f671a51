import {
  defaultSchemaName,
  isEffectivelyNotNull,
  junctionTables,
  makeColumn,
  primaryKeyOf,
  resolveAll,
  type Column,
  type Junction,
  type Schema,
  type Table,
  type TableId,
} from '../model/index.ts';

/** How one relationship is written: a Ref, its junction table with two Refs (when DBML refuses `<>`), or a comment (when DBML refuses any Ref). */
export type DbmlWriting = 'ref' | 'junctionTable' | 'comment';

/**
 * How each valid relationship is written, by id. DBML refuses `t.id <> t.id`, `<>` between keys
 * of different sizes and two Refs joining the same columns: such a many-to-many is written as the
 * junction table the DDL makes; such a foreign key (a shared key with itself, a second key on the
 * same columns) only as a comment.
 */
export function dbmlWritings(schema: Schema): Map<string, DbmlWriting> {
  const joined = new Set<string>();
  const writings = new Map<string, DbmlWriting>();
  const endpoint = (table: Table, columns: readonly Column[]) => `${table.id}:${columns.map((c) => c.id).join(',')}`;
  for (const r of resolveAll(schema)) {
    if (r.kind === 'invalid') continue;
    const [a, b] =
      r.kind === 'manyToMany'
        ? [endpoint(r.from, r.fromKey), endpoint(r.to, r.toKey)]
        : [endpoint(r.child, r.columns), endpoint(r.parent, r.parentColumns)];
    const pair = [a, b].sort().join('|');
    const isRefused =
      a === b || joined.has(pair) || (r.kind === 'manyToMany' && (r.from.id === r.to.id || r.fromKey.length !== r.toKey.length));
    writings.set(r.relationship.id, !isRefused ? 'ref' : r.kind === 'manyToMany' ? 'junctionTable' : 'comment');
    if (!isRefused) joined.add(pair);
  }
  return writings;
}

/**
 * The schema as DBML (dbml.dbdiagram.io), for dbdiagram.io and the tools that read it. One-to-many
 * is written `child.fk > parent.pk`, one-to-one `child.fk - parent.pk` (the key holder on the
 * left), many-to-many `from.pk <> to.pk` (or otherwise, see dbmlWritings). DBML cannot say
 * everything a relationship says here: an end's minimum shows only as the foreign key's NOT NULL
 * (the parent end), and a junction's own name and columns, DEFERRABLE and identity ALWAYS are not written.
 */
export function toDbml(schema: Schema): string {
  const blocks: string[] = [];
  for (const e of schema.enums) {
    blocks.push([`Enum ${qualifiedName(e.schemaName, e.name)} {`, ...e.values.map((v) => `  ${quoteName(v, true)}`), '}'].join('\n'));
  }
  const resolved = resolveAll(schema);
  for (const table of schema.tables) blocks.push(tableBlock(table, (c) => isEffectivelyNotNull(c, resolved)));
  const writings = dbmlWritings(schema);
  const refs: string[] = [];
  for (const r of resolved) {
    if (r.kind === 'invalid') continue;
    const rel = r.relationship;
    const name = rel.name.trim() ? ` ${quoteName(rel.name.trim(), true)}` : '';
    const settings = [
      rel.onDelete !== 'no action' && `delete: ${rel.onDelete}`,
      rel.onUpdate !== 'no action' && `update: ${rel.onUpdate}`,
    ].filter(Boolean);
    const suffix = settings.length ? ` [${settings.join(', ')}]` : '';
    const writing = writings.get(rel.id);
    if (r.kind === 'manyToMany' && writing === 'junctionTable') {
      const junction = junctionTables(schema).find((j) => j.relationshipId === rel.id)!;
      const table = junctionAsTable(junction);
      blocks.push(tableBlock(table, () => true));
      const keyOf = (columns: readonly { name: string }[]) => columns.map((c) => table.columns.find((k) => k.name === c.name)!);
      refs.push(`Ref${name}: ${columnRef(table, keyOf(junction.fromColumns))} > ${columnRef(r.from, r.fromKey)}${suffix}`);
      refs.push(`Ref${name}: ${columnRef(table, keyOf(junction.toColumns))} > ${columnRef(r.to, r.toKey)}${suffix}`);
    } else if (r.kind === 'manyToMany') refs.push(`Ref${name}: ${columnRef(r.from, r.fromKey)} <> ${columnRef(r.to, r.toKey)}${suffix}`);
    else {
      const ref = `Ref${name}: ${columnRef(r.child, r.columns)} ${r.kind === 'oneToOne' ? '-' : '>'} ${columnRef(r.parent, r.parentColumns)}${suffix}`;
      refs.push(writing === 'comment' ? `// left out, as DBML refuses it: ${ref}` : ref);
    }
  }
  if (refs.length) blocks.push(refs.join('\n'));
  return blocks.join('\n\n') + '\n';
}

/** A junction as a plain table: its key columns (together its primary key), then its own columns. */
function junctionAsTable(junction: Junction): Table {
  const keyColumn = (c: { name: string; type: string }) => makeColumn({ name: c.name, type: c.type, isPrimaryKey: true, isNotNull: true });
  return {
    id: junction.relationshipId as string as TableId,
    name: junction.name,
    schemaName: junction.schemaName,
    comment: '',
    columns: [...junction.fromColumns.map(keyColumn), ...junction.toColumns.map(keyColumn), ...junction.extraColumns],
    checks: [],
    indexes: [],
  };
}

function tableBlock(table: Table, isNotNull: (c: Column) => boolean): string {
  const key = primaryKeyOf(table);
  const lines = [
    `Table ${qualifiedName(table.schemaName, table.name)}${table.comment ? ` [note: ${stringLiteral(table.comment)}]` : ''} {`,
  ];
  for (const column of table.columns) {
    const settings = [
      column.isPrimaryKey && key.length === 1 && 'pk',
      column.identity && 'increment',
      !column.isPrimaryKey && isNotNull(column) && 'not null',
      column.isUnique && 'unique',
      column.defaultValue !== null && !column.defaultValue.includes('`') && `default: \`${column.defaultValue}\``,
      column.comment && `note: ${stringLiteral(column.comment)}`,
    ].filter(Boolean);
    lines.push(`  ${quoteName(column.name)} ${typeText(column.type)}${settings.length ? ` [${settings.join(', ')}]` : ''}`);
  }
  const namesOf = (ids: readonly string[]) => ids.map((id) => table.columns.find((c) => c.id === id)).filter((c) => c !== undefined);
  const indexes = [
    ...(key.length > 1 ? [`    (${key.map((c) => quoteName(c.name)).join(', ')}) [pk]`] : []),
    ...table.indexes.map((index) => {
      const settings = [index.isUnique && 'unique', index.name && `name: ${stringLiteral(index.name)}`].filter(Boolean);
      return `    (${namesOf(index.columnIds)
        .map((c) => quoteName(c.name))
        .join(', ')})${settings.length ? ` [${settings.join(', ')}]` : ''}`;
    }),
  ];
  if (indexes.length) lines.push('', '  Indexes {', ...indexes, '  }');
  const checks = table.checks.filter((c) => !c.expression.includes('`'));
  if (checks.length)
    lines.push(
      '',
      '  checks {',
      ...checks.map((c) => `    \`${c.expression}\`${c.name ? ` [name: ${stringLiteral(c.name)}]` : ''}`),
      '  }',
    );
  lines.push('}');
  return lines.join('\n');
}

/** `t.c` or `t.(a, b)`, schema-qualified outside the default schema. */
function columnRef(table: Table, columns: readonly Column[]): string {
  const names = columns.map((c) => quoteName(c.name));
  return `${qualifiedName(table.schemaName, table.name)}.${names.length === 1 ? names[0] : `(${names.join(', ')})`}`;
}

function qualifiedName(schemaName: string, name: string): string {
  return schemaName && schemaName !== defaultSchemaName ? `${quoteName(schemaName)}.${quoteName(name)}` : quoteName(name);
}

/** DBML words that would be read as keywords where a name is expected. */
const keywords = new Set(['table', 'ref', 'enum', 'note', 'indexes', 'project', 'tablegroup', 'checks', 'records', 'as', 'tablepartial']);

/** A name bare when DBML reads it as one word, otherwise in double quotes with `"` and `\` escaped. */
export function quoteName(name: string, always = false): string {
  if (!always && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !keywords.has(name.toLowerCase())) return name;
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A column type: bare when DBML keeps it exactly (`integer`, `varchar(20)`, `int[]`), otherwise quoted (`"double precision"`). */
function typeText(type: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*(\(\d+(,\d+)*\))?(\[\])*$/.test(type) ? type : quoteName(type, true);
}

/** A single-quoted DBML string with `\`, `'` and line breaks escaped. */
export function stringLiteral(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r?\n/g, '\\n')}'`;
}
