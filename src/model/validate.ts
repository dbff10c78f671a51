import type { ColumnId, RelationshipId, TableId } from './ids.ts';
import type { Schema } from './schema.ts';
import { primaryKeyOf } from './lookup.ts';
import { resolveAll } from './resolve.ts';
import { checkSqlFragment, hasControlCharacter } from './sqlFragments.ts';

/** A problem in the model, pointing at what it is about and saying how to fix it. */
export interface Problem {
  severity: 'error' | 'warning';
  message: string;
  tableId?: TableId;
  columnId?: ColumnId;
  relationshipId?: RelationshipId;
}

/** PostgreSQL silently truncates longer identifiers, which would rename the user's table. */
export const maxIdentifierBytes = 63;

const byteLength = (s: string) => new TextEncoder().encode(s).length;

function checkName(name: string, what: string): string | undefined {
  if (name.trim() === '') return `${what} has no name; type one`;
  if (name !== name.trim()) return `${what} "${name}" starts or ends with a space; remove it`;
  if (hasControlCharacter(name)) return `${what} "${name}" contains a control character; remove it`;
  if (byteLength(name) > maxIdentifierBytes) return `${what} "${name}" is longer than PostgreSQL's ${maxIdentifierBytes} bytes; shorten it`;
  return undefined;
}

/** Every problem that stops the DDL from being generated or run as drawn (errors), or deserves a look (warnings). */
export function validateSchema(schema: Schema): Problem[] {
  const problems: Problem[] = [];
  const tableNames = new Map<string, TableId>();
  for (const table of schema.tables) {
    const tableId = table.id;
    const nameProblem = checkName(table.name, 'A table');
    if (nameProblem) problems.push({ severity: 'error', message: nameProblem, tableId });
    if (tableNames.has(table.name)) problems.push({ severity: 'error', message: `Two tables are named "${table.name}"; rename one`, tableId });
    tableNames.set(table.name, tableId);
    if (table.columns.length === 0) problems.push({ severity: 'error', message: `Table "${table.name}" has no columns; add one`, tableId });
    if (primaryKeyOf(table).length === 0) {
      problems.push({ severity: 'warning', message: `Table "${table.name}" has no primary key; mark a column as PK`, tableId });
    }
    const columnNames = new Set<string>();
    for (const column of table.columns) {
      const at = { tableId, columnId: column.id };
      const columnProblem = checkName(column.name, `A column of "${table.name}"`);
      if (columnProblem) problems.push({ severity: 'error', message: columnProblem, ...at });
      if (columnNames.has(column.name)) {
        problems.push({ severity: 'error', message: `Table "${table.name}" has two columns named "${column.name}"; rename one`, ...at });
      }
      columnNames.add(column.name);
      const typeProblem = checkSqlFragment(column.type, 'type');
      if (typeProblem) problems.push({ severity: 'error', message: `Column "${table.name}.${column.name}": ${typeProblem}`, ...at });
      if (column.defaultValue !== null) {
        const defaultProblem = checkSqlFragment(column.defaultValue, 'default');
        if (defaultProblem) problems.push({ severity: 'error', message: `Column "${table.name}.${column.name}": ${defaultProblem}`, ...at });
      }
    }
  }
  for (const resolved of resolveAll(schema)) {
    if (resolved.kind === 'invalid') {
      problems.push({ severity: 'error', message: `A relationship cannot be built: ${resolved.reason}`, relationshipId: resolved.relationship.id });
    }
  }
  return problems;
}
