/** PostgreSQL keeps at most 63 bytes of an identifier and silently drops the rest. */
export const maxIdentifierBytes = 63;
const encoder = new TextEncoder();

/** Length in UTF-8 bytes, the unit PostgreSQL's identifier limit counts in; counted without encoding (it runs for every name). */
export function byteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The conventional name of a key column that refers to `parentTable.keyColumn`: `author_id`. */
export function foreignKeyColumnName(parentTable: string, keyColumn: string): string {
  return `${singular(parentTable)}_${keyColumn}`;
}

/** Nouns with no plural of their own (or read as mass nouns): `staff`, `passport_info`. */
const uncountable =
  /(^|_)(data|metadata|info|information|media|news|series|species|staff|equipment|feedback|software|hardware|audio|video|evidence|advice)$/i;

/** Plurals in -ies whose singular ends in -ie, not -y. */
const pluralsOfIe = /(^|_)(movies|cookies|pies|ties|lies|calories|zombies|rookies|selfies|genies|prairies|hippies|brownies)$/i;

/** A rough English singular for conventional key names (`authors` -> `author`); users rename when it guesses wrong. */
export function singular(name: string): string {
  if (uncountable.test(name)) return name;
  if (pluralsOfIe.test(name)) return name.slice(0, -1);
  if (/ies$/i.test(name)) return name.slice(0, -3) + 'y';
  if (/(ss|us|is)$/i.test(name)) return name;
  if (/(sses|xes|ches|shes|[tnprl]uses)$/i.test(name)) return name.slice(0, -2);
  if (/s$/i.test(name)) return name.slice(0, -1);
  return name;
}

/** A rough English plural for sentences about many rows (`address` -> `addresses`); a name already plural stays. */
export function plural(name: string): string {
  if (!/[a-z]$/i.test(name) || uncountable.test(name) || singular(name) !== name) return name;
  if (/[^aeiou]y$/i.test(name)) return name.slice(0, -1) + 'ies';
  if (/is$/i.test(name)) return name.slice(0, -2) + 'es';
  if (/(s|x|z|ch|sh)$/i.test(name)) return name + 'es';
  return name + 's';
}

/** Words starting with a vowel letter said with a consonant sound ("a user", "a unique key", "a euro", "a one-off"). */
const consonantSound = /^(u[bcdfgjklmpqrstvwxz][aeiou]|uni(?![mnd])|url|utf|usb|uu|eu|ewe|one(?![a-z])|once)/i;

/** Words starting with a silent h ("an hour", "an honest broker"). */
const silentH = /^(hour|honest|honou?r|heir)/i;

/** "a book", "an author", "a user", "an hour": the article by sound, for sentences built from table names. */
export function withArticle(noun: string, atSentenceStart = false): string {
  const an = silentH.test(noun) || (/^[aeiou]/i.test(noun) && !consonantSound.test(noun));
  const article = an ? 'an' : 'a';
  return `${atSentenceStart ? article[0]!.toUpperCase() + article.slice(1) : article} ${noun}`;
}

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
    const size = byteLength(ch);
    if (used + size > bytes) break;
    out += ch;
    used += size;
  }
  return out;
}

/**
 * Fits a generated name into 63 bytes: `base_suffix` as is when it fits, otherwise the base cut
 * short plus a fingerprint of the whole, so two long names never collide after truncation.
 */
export function fitIdentifier(base: string, suffix = ''): string {
  const whole = suffix ? `${base}_${suffix}` : base;
  if (byteLength(whole) <= maxIdentifierBytes) return whole;
  const tail = `_${fingerprint(whole)}${suffix ? `_${suffix}` : ''}`;
  return truncateToBytes(base, maxIdentifierBytes - byteLength(tail)) + tail;
}

/** `base`, or `base_2`, `base_3`... whichever is not taken yet, always within 63 bytes. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const used = taken instanceof Set ? (taken as ReadonlySet<string>) : new Set(taken);
  const first = fitIdentifier(base);
  if (!used.has(first)) return first;
  for (let i = 2; ; i++) {
    const candidate = fitIdentifier(`${base}_${i}`);
    if (!used.has(candidate)) return candidate;
  }
}

/** The column type a foreign key needs to hold a parent key: serial types become their integer types. */
export function foreignKeyType(parentType: string): string {
  const t = parentType.trim().toLowerCase();
  if (t === 'serial' || t === 'serial4') return 'integer';
  if (t === 'bigserial' || t === 'serial8') return 'bigint';
  if (t === 'smallserial' || t === 'serial2') return 'smallint';
  return parentType.trim();
}
