import { endKindOf, isIdentifyingResolved, resolveAll, type Cardinality, type EndKind, type Schema, type Table } from '../model/index.ts';

/**
 * Crow's-foot markers as Mermaid's erDiagram writes them (mermaid.js.org, "Relationship Syntax"):
 * the outer character is the maximum, the inner one the minimum, so the same end reads mirrored
 * on the left of `--` and on the right.
 */
export const mermaidMarkers: Record<EndKind, { left: string; right: string }> = {
  exactlyOne: { left: '||', right: '||' },
  zeroOrOne: { left: '|o', right: 'o|' },
  oneOrMany: { left: '}|', right: '|{' },
  zeroOrMany: { left: '}o', right: 'o{' },
};

/** The label of a relationship with no name of its own. */
export const defaultRelationshipLabel = 'has';

/**
 * The schema as a Mermaid `erDiagram`, for READMEs and wikis that render Mermaid.
 * Each relationship is written `from <marker>--<marker> to`, the `from` end's marker beside the
 * `from` table. A relationship is identifying (`--`, solid) when its foreign key is part of the
 * child's primary key (a shared primary key, or a key column of a composite key), otherwise `..`.
 * A many-to-many is drawn as one line between its two tables with its own ends (`}o..o{`), as on
 * the canvas: the junction table is an implementation detail that the DDL shows.
 */
export function toMermaid(schema: Schema): string {
  const ids = entityIds(schema.tables);
  const resolved = resolveAll(schema);
  const foreignKeys = resolved.flatMap((r) => (r.kind === 'oneToMany' || r.kind === 'oneToOne' ? [r] : []));
  const foreignKeyIds = new Set(foreignKeys.flatMap((r) => r.columns.map((c) => c.id)));
  // A one-to-one's single-column FK + UNIQUE is a unique key too, though the column itself is not marked unique.
  const uniqueIds = new Set(
    foreignKeys.flatMap((r) => (r.isUnique && !r.isSharedPrimaryKey && r.columns.length === 1 ? [r.columns[0]!.id] : [])),
  );
  const lines = ['erDiagram'];
  for (const table of schema.tables) {
    const attributes = table.columns.map((column) => {
      const keys = [
        column.isPrimaryKey && 'PK',
        foreignKeyIds.has(column.id) && 'FK',
        (column.isUnique || uniqueIds.has(column.id)) && !column.isPrimaryKey && 'UK',
      ].filter(Boolean);
      const name = attributeWord(column.name);
      const notes = [name !== column.name ? column.name : '', column.comment].filter(Boolean).join(': ');
      return `        ${attributeWord(column.type)} ${name}${keys.length ? ` ${keys.join(', ')}` : ''}${notes ? ` "${commentText(notes)}"` : ''}`;
    });
    lines.push(`    ${ids.get(table.id)} {`, ...attributes, '    }');
  }
  for (const r of resolved) {
    const rel = r.relationship;
    // One line between its tables, a many-to-many shows no key of its own: never solid here.
    const isIdentifying = r.kind !== 'manyToMany' && isIdentifyingResolved(r);
    const label = rel.name.trim() || defaultRelationshipLabel;
    lines.push(
      `    ${ids.get(rel.from.tableId)} ${relationshipSpec(rel.from, rel.to, isIdentifying)} ${ids.get(rel.to.tableId)} : "${commentText(label)}"`,
    );
  }
  return lines.join('\n') + '\n';
}

/** `||--o{`: the left end's marker, the line, the right end's marker. */
export function relationshipSpec(left: Cardinality, right: Cardinality, isIdentifying: boolean): string {
  return `${mermaidMarkers[endKindOf(left)].left}${isIdentifying ? '--' : '..'}${mermaidMarkers[endKindOf(right)].right}`;
}

/** Words Mermaid's lexer reads as keywords when a bare entity name starts with them (it is case-insensitive and takes the first rule that matches). */
const keywordPrefix = /^(erdiagram|style|classdef|class|subgraph|end|one|zero|many|only|to|optionally|direction|title|acc)/i;

/**
 * A Mermaid entity name per table: bare when it is a plain word, otherwise in double quotes (which
 * allow spaces and Unicode). Quotes cannot hold `"`, `%`, `\` or line breaks, so those become
 * look-alikes; a table name used in two PostgreSQL schemas is qualified; clashes get `_2`.
 */
function entityIds(tables: readonly Table[]): Map<string, string> {
  const nameCount = new Map<string, number>();
  for (const t of tables) nameCount.set(t.name, (nameCount.get(t.name) ?? 0) + 1);
  const taken = new Set<string>();
  const ids = new Map<string, string>();
  for (const t of tables) {
    const base = quotableText((nameCount.get(t.name) ?? 0) > 1 ? `${t.schemaName}.${t.name}` : t.name) || 'table';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}_${n}`;
    taken.add(name.toLowerCase());
    ids.set(t.id, /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !keywordPrefix.test(name) ? name : `"${name}"`);
  }
  return ids;
}

/** Text that fits inside Mermaid's double quotes. */
function quotableText(text: string): string {
  return (
    text
      .replace(/"/g, "'")
      .replace(/%/g, '\uFF05')
      .replace(/\\/g, '\u29F5')
      // eslint-disable-next-line no-control-regex -- control characters end a quoted name
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      // A line holding "direction TB" anywhere is read as a direction statement.
      .replace(/(direction)\s+(tb|bt|rl|lr)/gi, '$1\u00A0$2')
  );
}

/** An attribute comment: any text but `"` and line breaks. */
function commentText(text: string): string {
  return quotableText(text).replace(/\s+/g, ' ').trim();
}

/**
 * An attribute type or name as one Mermaid word: letters, digits, `-_[]().,*`; spaces become `_`
 * (`double_precision`), other characters `_`; PK/FK/UK alone would read as a key marker.
 */
function attributeWord(text: string): string {
  const word = text
    .trim()
    .replace(/\s*,\s*/g, ',')
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9\-_[\]().,*\u00C0-\uFFFF]/g, '_');
  if (!word) return '_';
  const safe = /^[A-Za-z_*\u00C0-\uFFFF]/.test(word) ? word : `_${word}`;
  return /^(pk|fk|uk)$/i.test(safe) ? `${safe}_` : safe;
}
