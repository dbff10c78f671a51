import { quotedKeywords } from './pgKeywords.ts';

/**
 * Quotes an identifier exactly when PostgreSQL needs it, as `quote_ident()` does: anything but
 * lower-case ASCII letters, digits and `_` (no leading digit), or a non-unreserved keyword.
 * Embedded double quotes are doubled, so no name can break out of its place.
 */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_]*$/.test(name) && !quotedKeywords.has(name)) return name;
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal with single quotes doubled (standard_conforming_strings is on in every supported PostgreSQL). */
export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
