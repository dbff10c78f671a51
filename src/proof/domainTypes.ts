import type { SqlObject } from '../model/index.ts';

/** A type name as written in a column or a kept object, compared without quotes and without `public.`. */
export function typeKey(type: string): string {
  return type
    .trim()
    .replaceAll('"', '')
    .replace(/^public\./, '');
}

/**
 * Each kept domain's base type, by the domain's name: `CREATE DOMAIN "Name" AS character varying(50)` gives
 * `"Name"` -> `character varying(50)`, so a column of the domain gets a sample value of that type (its
 * CHECKs still decide: a value they refuse makes the scenario "not provable", with PostgreSQL's reason).
 * The text is the importer's (`CREATE DOMAIN <regtype> AS <format_type>` then its constraints).
 */
export function domainBaseTypes(objects: readonly SqlObject[]): Map<string, string> {
  const bases = new Map<string, string>();
  for (const o of objects) {
    if (o.kind !== 'domain') continue;
    const prefix = `CREATE DOMAIN ${o.name} AS `;
    if (!o.sql.startsWith(prefix)) continue;
    const rest = o.sql.slice(prefix.length);
    const end = /\s+(?:COLLATE|DEFAULT|CONSTRAINT|NOT\s+NULL|NULL|CHECK)\b|;\s*$/i.exec(rest);
    const base = (end ? rest.slice(0, end.index) : rest).trim();
    if (base !== '') bases.set(typeKey(o.name), base);
  }
  return bases;
}
