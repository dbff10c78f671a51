/** A rough English singular for conventional key names (`authors` -> `author`); users rename when it guesses wrong. */
export function singular(name: string): string {
  if (/ies$/i.test(name)) return name.slice(0, -3) + 'y';
  if (/(ss|us|is)$/i.test(name)) return name;
  if (/(sses|xes|ches|shes)$/i.test(name)) return name.slice(0, -2);
  if (/s$/i.test(name)) return name.slice(0, -1);
  return name;
}

/** `base`, or `base_2`, `base_3`... whichever is not taken yet. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}_${i}`)) return `${base}_${i}`;
}

/** The column type a foreign key needs to hold a parent key: serial types become their integer types. */
export function foreignKeyType(parentType: string): string {
  const t = parentType.trim().toLowerCase();
  if (t === 'serial' || t === 'serial4') return 'integer';
  if (t === 'bigserial' || t === 'serial8') return 'bigint';
  if (t === 'smallserial' || t === 'serial2') return 'smallint';
  return parentType.trim();
}
