/** PostgreSQL truncates identifiers to 63 bytes; generated names are kept within that so they stay unique. */
const maxBytes = 63;
const encoder = new TextEncoder();

/** FNV-1a, 32 bits, as 8 hex digits: a short, stable fingerprint of a long name. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of encoder.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The longest prefix of `text` that fits in `bytes` UTF-8 bytes without splitting a character. */
function truncateToBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const size = encoder.encode(ch).length;
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/** Fits `base` + `_suffix` into 63 bytes; a name that had to be cut keeps a fingerprint of the whole. */
export function fitName(base: string, suffix: string): string {
  const whole = `${base}_${suffix}`;
  if (encoder.encode(whole).length <= maxBytes) return whole;
  const tail = `_${fingerprint(whole)}_${suffix}`;
  return truncateToBytes(base, maxBytes - encoder.encode(tail).length) + tail;
}

/**
 * Hands out constraint and index names following PostgreSQL's own conventions (`t_col_fkey`,
 * `t_pkey`, `t_col_key`), unique within the schema and within 63 bytes, in a deterministic order.
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
    let name = fitName(base, suffix);
    for (let n = 1; this.used.has(name); n++) name = fitName(`${base}${n}`, suffix);
    this.used.add(name);
    return name;
  }
}
