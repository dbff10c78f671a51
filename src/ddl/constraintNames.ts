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

  /** What `allocate` calls are noted in, while `recording`. */
  private log: Allocation[] | undefined;

  /** A fresh name for `table_columns_suffix`. */
  allocate(table: string, columns: readonly string[], suffix: string): string {
    const name = this.nameFor(table, columns, suffix, (n) => this.used.has(n));
    this.used.add(name);
    this.log?.push({ table, columns: [...columns], suffix, name });
    return name;
  }

  /** Runs `make` and returns what it made with the names it allocated, in order, so a later run can `replay` them. */
  recording<T>(make: () => T): { value: T; allocations: Allocation[] } {
    const allocations: Allocation[] = [];
    this.log = allocations;
    try {
      return { value: make(), allocations };
    } finally {
      this.log = undefined;
    }
  }

  /**
   * Allocates the same names again when every one comes out as recorded (then whatever was made from them
   * is what `make` would make now), and allocates nothing otherwise: true when replayed.
   */
  replay(allocations: readonly Allocation[]): boolean {
    const added = new Set<string>();
    for (const a of allocations) {
      const name = this.nameFor(a.table, a.columns, a.suffix, (n) => this.used.has(n) || added.has(n));
      if (name !== a.name) return false;
      added.add(name);
    }
    for (const a of allocations) this.allocate(a.table, a.columns, a.suffix);
    return true;
  }

  private nameFor(table: string, columns: readonly string[], suffix: string, isTaken: (name: string) => boolean): string {
    const base = [table, ...columns].join('_');
    let name = fitIdentifier(base, suffix);
    for (let n = 1; isTaken(name); n++) name = fitIdentifier(`${base}${n}`, suffix);
    return name;
  }
}

/** One name `NameAllocator.allocate` handed out, with what it was asked for. */
export interface Allocation {
  table: string;
  columns: string[];
  suffix: string;
  name: string;
}
