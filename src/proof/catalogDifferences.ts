import type { CatalogSnapshot, ColumnSnapshot, ConstraintSnapshot, TableSnapshot } from './catalogSnapshot.ts';

/** How the two databases are called in the differences, and whether column order counts. */
export interface DifferenceOptions {
  /** Words for each side: "the migrated database", "a fresh one". */
  names?: [string, string];
  /** Report columns in another order (a migration appends added columns last); off by default. */
  columnOrder?: boolean;
}

type Describe<T> = (value: T) => string;

/** How one field of an object reads in a difference: its name (none for a flag, whose values say it) and how its value is written. */
interface Field<T> {
  label: string;
  describe: Describe<T>;
}

const text =
  (none: string): Describe<string | null> =>
  (v) =>
    v === null ? none : v;
const flag =
  (yes: string, no: string): Describe<boolean> =>
  (v) =>
    v ? yes : no;
const quoted =
  (none: string): Describe<string | null> =>
  (v) =>
    v === null ? none : JSON.stringify(v);

const columnFields: { [K in keyof ColumnSnapshot]: Field<ColumnSnapshot[K]> } = {
  type: { label: 'type', describe: (v) => v },
  notNull: { label: '', describe: flag('NOT NULL', 'nullable') },
  defaultValue: { label: 'default', describe: text('no default') },
  identity: { label: 'identity', describe: (v) => (v === null ? 'no identity' : `GENERATED ${v.toUpperCase()} AS IDENTITY`) },
  generated: { label: 'generated expression', describe: text('not generated') },
  collation: { label: 'collation', describe: text("the type's collation") },
  comment: { label: 'comment', describe: quoted('no comment') },
};

const constraintFields: { [K in keyof ConstraintSnapshot]: Field<ConstraintSnapshot[K]> } = {
  definition: { label: 'definition', describe: (v) => v },
  deferrable: { label: '', describe: flag('DEFERRABLE', 'NOT DEFERRABLE') },
  deferred: { label: '', describe: flag('INITIALLY DEFERRED', 'INITIALLY IMMEDIATE') },
  validated: { label: '', describe: flag('validated', 'NOT VALID') },
  comment: { label: 'comment', describe: quoted('no comment') },
};

/**
 * Every way two catalog snapshots differ, one sentence each, such as
 * "column public.books.title: type text in the migrated database, character varying(80) in a fresh one":
 * what a migration proof shows a user, so it names the object and both values.
 */
export function catalogDifferences(a: CatalogSnapshot, b: CatalogSnapshot, options: DifferenceOptions = {}): string[] {
  const [nameA, nameB] = options.names ?? ['the first database', 'the second'];
  const out: string[] = [];
  const presence = <T>(what: string, x: Record<string, T>, y: Record<string, T>, same: (key: string, va: T, vb: T) => void) => {
    for (const key of Object.keys(x).sort()) {
      if (!(key in y)) out.push(`${what} ${key}: in ${nameA}, not in ${nameB}`);
      else same(key, x[key]!, y[key]!);
    }
    for (const key of Object.keys(y).sort()) if (!(key in x)) out.push(`${what} ${key}: in ${nameB}, not in ${nameA}`);
  };
  const fields = <T extends object>(what: string, x: T, y: T, described: { [K in keyof T]: Field<T[K]> }) => {
    for (const field of Object.keys(described) as (keyof T)[]) {
      if (x[field] === y[field]) continue;
      const { label, describe } = described[field];
      out.push(`${what}: ${label ? `${label} ` : ''}${shown(describe(x[field]), describe(y[field]), nameA, nameB)}`);
    }
  };
  const plain = (what: string, x: string, y: string) => {
    if (x !== y) out.push(`${what}: ${shown(x, y, nameA, nameB)}`);
  };

  presence('table', a.tables, b.tables, (key, x, y) => {
    if (x.comment !== y.comment) fields(`table ${key}`, { comment: x.comment }, { comment: y.comment }, { comment: columnFields.comment });
    tableDifferences(key, x, y, presence, fields, plain);
    if (options.columnOrder && x.columnOrder.join('\u0000') !== y.columnOrder.join('\u0000'))
      plain(`columns of ${key}`, `in the order ${x.columnOrder.join(', ')}`, `in the order ${y.columnOrder.join(', ')}`);
  });
  presence('enum', a.enums, b.enums, (key, x, y) => {
    plain(
      `enum ${key}`,
      `labels ${x.labels.map((l) => JSON.stringify(l)).join(', ')}`,
      `labels ${y.labels.map((l) => JSON.stringify(l)).join(', ')}`,
    );
    fields(`enum ${key}`, { comment: x.comment }, { comment: y.comment }, { comment: columnFields.comment });
  });
  presence('domain', a.domains, b.domains, (key, x, y) => plain(`domain ${key}`, x, y));
  presence('view', a.views, b.views, (key, x, y) => {
    plain(`view ${key}`, `${x.kind} ${x.definition}`, `${y.kind} ${y.definition}`);
    fields(`view ${key}`, { comment: x.comment }, { comment: y.comment }, { comment: columnFields.comment });
  });
  presence('function', a.functions, b.functions, (key, x, y) => {
    plain(`function ${key}`, x.definition, y.definition);
    fields(`function ${key}`, { comment: x.comment }, { comment: y.comment }, { comment: columnFields.comment });
  });
  return out;
}

/** The differences inside one table present on both sides: columns, constraints, indexes, triggers. */
function tableDifferences(
  key: string,
  x: TableSnapshot,
  y: TableSnapshot,
  presence: <T>(what: string, x: Record<string, T>, y: Record<string, T>, same: (key: string, va: T, vb: T) => void) => void,
  fields: <T extends object>(what: string, x: T, y: T, described: { [K in keyof T]: Field<T[K]> }) => void,
  plain: (what: string, x: string, y: string) => void,
): void {
  const prefixed = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).map(([name, v]) => [`${key}.${name}`, v]));
  presence('column', prefixed(x.columns), prefixed(y.columns), (name, cx, cy) => fields(`column ${name}`, cx, cy, columnFields));
  presence('constraint', prefixed(x.constraints), prefixed(y.constraints), (name, kx, ky) =>
    fields(`constraint ${name}`, kx, ky, constraintFields),
  );
  presence('index', prefixed(x.indexes), prefixed(y.indexes), (name, ix, iy) => {
    plain(`index ${name}`, ix.definition, iy.definition);
    fields(`index ${name}`, { comment: ix.comment }, { comment: iy.comment }, { comment: columnFields.comment });
  });
  presence('trigger', prefixed(x.triggers), prefixed(y.triggers), (name, tx, ty) => plain(`trigger ${name}`, tx, ty));
}

/** "text in A, varchar(80) in B"; for long or multi-line texts, the first line where they part. */
function shown(x: string, y: string, nameA: string, nameB: string): string {
  if (x.length <= 120 && y.length <= 120 && !x.includes('\n') && !y.includes('\n')) return `${x} in ${nameA}, ${y} in ${nameB}`;
  const [linesX, linesY] = [x.split('\n'), y.split('\n')];
  const at = linesX.findIndex((line, i) => line !== linesY[i]);
  const line = at === -1 ? linesX.length : at;
  const lineOf = (lines: string[]) => (line < lines.length ? JSON.stringify(lines[line]!.trim()) : 'nothing more');
  return `differs from line ${line + 1}: ${lineOf(linesX)} in ${nameA}, ${lineOf(linesY)} in ${nameB}`;
}
