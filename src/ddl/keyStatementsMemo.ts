import type { Relationship, ResolvedForeignKey, Table } from '../model/index.ts';
import type { Allocation, NameAllocator } from './constraintNames.ts';
import type { DdlOptions } from './options.ts';
import { foreignKeyStatements } from './relationshipStatements.ts';
import type { Statement } from './statement.ts';

/** What a relationship's key statements were made from, and the names they allocated. */
interface MadeKeys {
  child: Table;
  parent: Table;
  options: DdlOptions;
  allocations: Allocation[];
  statements: Statement[];
}

/** Kept while the Relationship object lives: an edit elsewhere leaves it, and its tables, the same objects. */
const made = new WeakMap<Relationship, MadeKeys>();

/**
 * A 1:N or 1:1's UNIQUE, foreign key and mandatory-child triggers, as `foreignKeyStatements` makes them,
 * reused when the relationship, both its tables and the options are the same objects (so everything but
 * the names is) and the allocator hands out the same names again; otherwise made anew. After one edit of
 * a 500-table design, the relationships of the edited table are made again rather than all 600.
 */
export function foreignKeyStatementsOnce(r: ResolvedForeignKey, names: NameAllocator, options: DdlOptions): Statement[] {
  const known = made.get(r.relationship);
  if (known && known.child === r.child && known.parent === r.parent && known.options === options && names.replay(known.allocations))
    return known.statements;
  const { value: statements, allocations } = names.recording(() => foreignKeyStatements(r, names, options));
  made.set(r.relationship, { child: r.child, parent: r.parent, options, allocations, statements });
  return statements;
}
