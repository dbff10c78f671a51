import { quoteIdent } from './quoteIdent.ts';
import type { Column, Schema } from '../model/index.ts';

/** The spellings a column type may use for an enum: `mood`, `"Mood"`, `sales.mood`, `"sales"."mood"`. */
function spellings(schemaName: string, name: string): string[] {
  const names = [name, quoteIdent(name), `"${name}"`];
  const schemas = [schemaName, quoteIdent(schemaName), `"${schemaName}"`];
  return [...new Set([...names, ...schemas.flatMap((s) => names.map((n) => `${s}.${n}`))])];
}

/**
 * The schema as it will be with every table and type moved into `target` (the DDL's "one schema"
 * option): enum references in column types follow their enum, and validation then sees any two
 * objects that would now share a name.
 */
export function intoOneSchema(schema: Schema, target: string): Schema {
  const renames = new Map(
    schema.enums.flatMap((e) => spellings(e.schemaName, e.name).map((s) => [s, `${quoteIdent(target)}.${quoteIdent(e.name)}`] as const)),
  );
  const retype = (c: Column): Column => {
    const [, base = c.type.trim(), array = ''] = /^(.*?)((?:\[\])*)$/.exec(c.type.trim()) ?? [];
    const renamed = renames.get(base.trim());
    return renamed ? { ...c, type: renamed + array } : c;
  };
  return {
    // Kept objects stay as they are (their text is never rewritten), and so stay validated.
    ...schema,
    tables: schema.tables.map((t) => ({ ...t, schemaName: target, columns: t.columns.map(retype) })),
    relationships: schema.relationships.map((r) => ({ ...r, junction: { ...r.junction, columns: r.junction.columns.map(retype) } })),
    enums: schema.enums.map((e) => ({ ...e, schemaName: target })),
  };
}
