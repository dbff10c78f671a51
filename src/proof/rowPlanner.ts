import {
  foreignKeysOf,
  isEffectivelyNotNull,
  primaryKeyOf,
  type Column,
  type ColumnId,
  type EnumType,
  type ResolvedRelationship,
  type Table,
} from '../model/index.ts';
import { defaultDdlOptions, qualifiedName, quoteIdent, quoteLiteral } from '../ddl/index.ts';
import { sampleValue } from './sampleValue.ts';
import { typeKey } from './domainTypes.ts';

/** SQL literals by column id. */
export type RowValues = Map<ColumnId, string>;

/** The inserts that create one valid row (parents first), and the row's primary-key values. */
export interface PlannedRow {
  statements: string[];
  key: RowValues;
  /** Every value the insert gives, by column: a table without a primary key is found again by these. */
  values: RowValues;
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

  constructor(
    private readonly resolved: readonly ResolvedRelationship[],
    private readonly enums: readonly EnumType[] = [],
    /** Kept domains' base types by `typeKey` (`domainBaseTypes`). */
    private readonly domains: ReadonlyMap<string, string> = new Map(),
    /** Values that meet the tables' CHECKs (`fitSamples`), for columns neither a key nor UNIQUE. */
    private readonly fitted: ReadonlyMap<ColumnId, string> = new Map(),
  ) {}

  /** A fresh number for sample values. */
  next(): number {
    return ++this.counter;
  }

  /** Numbers sample values from the start again: each relationship's scenarios then read the same whichever others are proved with it. */
  restart(): void {
    this.counter = 0;
  }

  /** Continues numbering sample values after `n`. */
  skipTo(n: number): void {
    this.counter = Math.max(this.counter, n);
  }

  /** Key values no row has (the primary key, and every alternate key a foreign key refers to): what an orphan points at. */
  freshKey(table: Table): RowValues {
    const n = this.next();
    return new Map(this.keyColumns(table).map((c) => [c.id, this.valueFor(table, c.id, n)]));
  }

  /** The columns a row is found and referred to by: its primary key, then the alternate keys foreign keys reference. */
  private keyColumns(table: Table): Column[] {
    if (!this.alternateKeys) {
      this.alternateKeys = new Map();
      for (const r of this.resolved) {
        if (r.kind === 'invalid' || r.kind === 'manyToMany' || !r.relationship.referencedColumnIds) continue;
        this.alternateKeys.set(r.parent.id, [...(this.alternateKeys.get(r.parent.id) ?? []), ...r.parentColumns.map((c) => c.id)]);
      }
    }
    const referenced = this.alternateKeys.get(table.id) ?? [];
    const key = primaryKeyOf(table);
    return referenced.length === 0 ? key : [...new Set([...key, ...table.columns.filter((c) => referenced.includes(c.id))])];
  }

  /** Columns of each parent that alternate keys refer to, by table id; built on first use. */
  private alternateKeys: Map<string, ColumnId[]> | undefined;

  /**
   * Plans one row of `table`; `given` fixes some columns (a foreign key under test, NULL...). `everyColumn`
   * also gives a value to optional columns with no default (not to optional foreign keys): a row whose every
   * value a migration must keep.
   */
  insert(table: Table, given: RowValues = new Map(), path: readonly Table[] = [], { everyColumn = false } = {}): PlannedRow {
    const n = this.next();
    const values: RowValues = new Map(given);
    const statements: string[] = [];
    const foreignKeys = foreignKeysOf(table.id, this.resolved);
    const keyColumns = new Set(foreignKeys.flatMap((fk) => fk.columns.map((c) => c.id)));
    // Own key first (a self-reference points at it), but key columns that refer to a parent come from that parent.
    const ownKey = this.keyColumns(table);
    for (const pk of ownKey) if (!values.has(pk.id) && !keyColumns.has(pk.id)) values.set(pk.id, this.valueFor(table, pk.id, n));
    for (const fk of foreignKeys) {
      if (fk.columns.every((c) => values.has(c.id))) continue;
      if (!fk.columns.some((c) => isEffectivelyNotNull(c, this.resolved))) continue;
      let parentKey: RowValues;
      if (fk.parent.id === table.id) {
        if (fk.parentColumns.some((c) => !values.has(c.id)))
          throw new NotProvable(`"${table.name}" refers to itself through its own primary key`);
        parentKey = values;
      } else if (path.some((t) => t.id === fk.parent.id)) {
        throw new NotProvable(
          `the mandatory foreign keys through "${table.name}" and "${fk.parent.name}" form a cycle that no insert order can satisfy`,
        );
      } else {
        const parentRow = this.insert(fk.parent, new Map(), [...path, table]);
        statements.push(...parentRow.statements);
        parentKey = parentRow.key;
      }
      fk.columns.forEach((c, i) => values.set(c.id, parentKey.get(fk.parentColumns[i]!.id)!));
    }
    for (const pk of ownKey) if (!values.has(pk.id)) values.set(pk.id, this.valueFor(table, pk.id, n));
    const unique = uniqueColumnIds(table);
    for (const c of table.columns) {
      if (values.has(c.id) || c.identity || c.generated) continue;
      const fitted = this.fitted.get(c.id);
      if (fitted === freshValue) {
        values.set(c.id, this.valueFor(table, c.id, n));
        continue;
      }
      if (fitted !== undefined && !unique.has(c.id)) {
        values.set(c.id, fitted);
        continue;
      }
      // A UNIQUE column left to a constant default would repeat it in a second row: it gets a value of its own.
      const needsValue =
        c.defaultValue === null
          ? everyColumn
            ? !keyColumns.has(c.id)
            : isEffectivelyNotNull(c, this.resolved)
          : unique.has(c.id) && !distinctPerRow.test(c.defaultValue);
      if (needsValue) values.set(c.id, this.valueFor(table, c.id, n));
    }
    statements.push(insertSql(table, values));
    return { statements, key: new Map(ownKey.map((c) => [c.id, values.get(c.id)!])), values };
  }

  private valueFor(table: { name: string; columns: Column[] }, columnId: ColumnId, n: number): string {
    const column = table.columns.find((c) => c.id === columnId)!;
    if (column.generated) throw new NotProvable(`"${table.name}"."${column.name}" is generated, so a row cannot choose its value`);
    if (!this.enumOf(column.type)) return this.sample(column, n, table.name);
    // Enum labels take turns per column, so two rows of a table differ there (a UNIQUE (parent_id, kind) still holds for a second child).
    const turn = this.turns.get(columnId) ?? 0;
    this.turns.set(columnId, turn + 1);
    return this.sample(column, turn, table.name);
  }

  /** How many enum labels each column has handed out. */
  private readonly turns = new Map<ColumnId, number>();

  /** The enum a type names, directly or through domains. */
  private enumOf(type: string, depth = 0): EnumType | undefined {
    const typeName = type.trim().replaceAll('"', '');
    const enumType = this.enums.find((e) => e.name === typeName || `${e.schemaName}.${e.name}` === typeName);
    const base = this.domains.get(typeKey(type));
    return enumType ?? (base !== undefined && depth < 8 ? this.enumOf(base, depth + 1) : undefined);
  }

  /** A sample value for a column: an enum's label, a value of a domain's base type, or a value of a built-in type. */
  sample(column: Column, n: number, owner: string): string {
    const value = this.sampleOfType(column.type, n);
    if (value === undefined) throw new NotProvable(`no sample value can be made for "${owner}"."${column.name}" of type ${column.type}`);
    return value;
  }

  private sampleOfType(type: string, n: number, depth = 0): string | undefined {
    const enumType = this.enumOf(type);
    if (enumType) return quoteLiteral(enumType.values[n % enumType.values.length]!);
    // A domain over a domain is followed down to its base type (a cycle cannot exist in PostgreSQL; the depth is a guard).
    const base = this.domains.get(typeKey(type));
    if (base !== undefined && depth < 8) return this.sampleOfType(base, n, depth + 1);
    return sampleValue(type, n);
  }

  /** Values for the NOT NULL columns without a default among `columns` (a junction's own columns). */
  requiredValues(columns: readonly Column[], owner: string): Map<string, string> {
    const n = this.next();
    return new Map(
      columns
        .filter((c) => c.isNotNull && c.defaultValue === null && !c.identity && !c.generated)
        .map((c) => [quoteIdent(c.name), this.sample(c, n, owner)]),
    );
  }
}

/** In the fitted values: the column gets a value of its own in every row (a UNIQUE column a CHECK wants set). */
export const freshValue = '\u0000fresh';

/** Defaults that differ on every row already (a sequence, a random or time-ordered uuid). */
const distinctPerRow = /\b(nextval|gen_random_uuid|uuid_generate_v[14]|uuidv[47])\s*\(/i;

/** Columns UNIQUE on their own or as part of a unique index or constraint: two sample rows must differ there. */
function uniqueColumnIds(table: Table): Set<ColumnId> {
  return new Set([
    ...table.columns.filter((c) => c.isUnique).map((c) => c.id),
    ...table.indexes.filter((i) => i.isUnique).flatMap((i) => i.columnIds),
  ]);
}

/** `INSERT INTO t (a, b) VALUES (1, 'x');` in the table's column order; explicit identity values override the generator. */
function insertSql(table: Table, values: RowValues): string {
  const ref = qualifiedName(table.schemaName, table.name, defaultDdlOptions);
  const columns = table.columns.filter((c) => values.has(c.id));
  if (columns.length === 0) return `INSERT INTO ${ref} DEFAULT VALUES;`;
  const names = columns.map((c) => quoteIdent(c.name)).join(', ');
  const overriding = columns.some((c) => c.identity === 'always') ? ' OVERRIDING SYSTEM VALUE' : '';
  return `INSERT INTO ${ref} (${names})${overriding} VALUES (${columns.map((c) => values.get(c.id)).join(', ')});`;
}
