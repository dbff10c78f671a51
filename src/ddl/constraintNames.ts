import { fitIdentifier } from '../model/index.ts';

/**
 * Hands out constraint, index and trigger names following PostgreSQL's own conventions
 * (`t_col_fkey`, `t_pkey`, `t_col_key`), unique within the schema and within 63 bytes,
 * in a deterministic order.
 */
export class NameAllocator {
  private readonly used: Set<string>;

  /** `reserved` are names already taken in the same namespace, such as the table names. */
  constructor(reserved: Iterable<string>) {
    this.used = new Set(reserved);
  }

  /** A fresh name for `table_columns_suffix`. */
  allocate(table: string, columns: readonly string[], suffix: string): string {
    const base = [table, ...columns].join('_');
    let name = fitIdentifier(base, suffix);
    for (let n = 1; this.used.has(name); n++) name = fitIdentifier(`${base}${n}`, suffix);
    this.used.add(name);
    return name;
  }
}
