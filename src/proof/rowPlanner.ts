import {
  foreignKeysOf,
  isEffectivelyNotNull,
  primaryKeyOf,
  type ColumnId,
  type ResolvedRelationship,
  type Table,
} from '../model/index.ts';
import { quoteIdent } from '../ddl/index.ts';
import { sampleValue } from './sampleValue.ts';

/** SQL literals by column id. */
export type RowValues = Map<ColumnId, string>;

/** The inserts that create one valid row (parents first), and the row's primary-key values. */
export interface PlannedRow {
  statements: string[];
  key: RowValues;
}

/** Why no valid row could be built. */
export class NotProvable extends Error {}

/**
 * Builds valid sample rows for scenarios: every NOT NULL column gets a value of its type, every
 * mandatory foreign key gets a parent row inserted first (grand-parents too), and every value is
 * fresh so UNIQUE constraints only fire where a scenario means them to.
 */
export class RowPlanner {
  private counter = 0;

  constructor(private readonly resolved: readonly ResolvedRelationship[]) {}

  /** A fresh number for sample values. */
  next(): number {
    return ++this.counter;
  }

  /** Primary-key values no row has: what an orphan points at. */
  freshKey(table: Table): RowValues {
    const n = this.next();
    return new Map(primaryKeyOf(table).map((c) => [c.id, this.valueFor(table, c.id, n)]));
  }

  /** Plans one row of `table`; `given` fixes some columns (a foreign key under test, NULL...). */
  insert(table: Table, given: RowValues = new Map(), path: readonly Table[] = []): PlannedRow {
    const n = this.next();
    const values: RowValues = new Map(given);
    const statements: string[] = [];
    for (const pk of primaryKeyOf(table)) if (!values.has(pk.id)) values.set(pk.id, this.valueFor(table, pk.id, n));
    for (const fk of foreignKeysOf(table.id, this.resolved)) {
      if (fk.columns.every((c) => values.has(c.id))) continue;
      if (!fk.columns.some((c) => isEffectivelyNotNull(c, this.resolved))) continue;
      let parentKey: RowValues;
      if (fk.parent.id === table.id) {
        parentKey = values;
      } else if (path.some((t) => t.id === fk.parent.id)) {
        throw new NotProvable(`the mandatory foreign keys through "${table.name}" and "${fk.parent.name}" form a cycle that no insert order can satisfy`);
      } else {
        const parentRow = this.insert(fk.parent, new Map(), [...path, table]);
        statements.push(...parentRow.statements);
        parentKey = parentRow.key;
      }
      fk.columns.forEach((c, i) => values.set(c.id, parentKey.get(fk.parentColumns[i]!.id)!));
    }
    for (const c of table.columns) {
      if (values.has(c.id) || c.defaultValue !== null || !isEffectivelyNotNull(c, this.resolved)) continue;
      values.set(c.id, this.valueFor(table, c.id, n));
    }
    statements.push(insertSql(table, values));
    return { statements, key: new Map(primaryKeyOf(table).map((c) => [c.id, values.get(c.id)!])) };
  }

  private valueFor(table: Table, columnId: ColumnId, n: number): string {
    const column = table.columns.find((c) => c.id === columnId)!;
    const value = sampleValue(column.type, n);
    if (value === undefined) throw new NotProvable(`no sample value can be made for "${table.name}"."${column.name}" of type ${column.type}`);
    return value;
  }
}

/** `INSERT INTO t (a, b) VALUES (1, 'x');` in the table's column order. */
export function insertSql(table: Table, values: RowValues): string {
  const columns = table.columns.filter((c) => values.has(c.id));
  if (columns.length === 0) return `INSERT INTO ${quoteIdent(table.name)} DEFAULT VALUES;`;
  const names = columns.map((c) => quoteIdent(c.name)).join(', ');
  return `INSERT INTO ${quoteIdent(table.name)} (${names}) VALUES (${columns.map((c) => values.get(c.id)).join(', ')});`;
}
