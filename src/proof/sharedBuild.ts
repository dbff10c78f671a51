import type { Relationship } from '../model/index.ts';
import type { Statement } from '../ddl/index.ts';
import { endsOf, globalKey, relationshipPrefix } from './statementOwners.ts';

/** A migration proof's two builds split: what both schemas build alike, built once, and what each builds on top. */
export interface SharedBuild {
  shared: Statement[];
  oldOnly: Statement[];
  newOnly: Statement[];
}

/** The owner key of a statement, as `groupByOwner` reads it. */
function ownerOf(s: Statement): string {
  return s.relationshipId ? relationshipPrefix + s.relationshipId : (s.tableId ?? globalKey);
}

function groupTexts(statements: readonly Statement[]): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const s of statements) groups.set(ownerOf(s), [...(groups.get(ownerOf(s)) ?? []), s.sql]);
  return new Map([...groups].map(([key, texts]) => [key, texts.join('\n;\n')]));
}

/**
 * Splits the old and the new schema's DDL (`relationships`: both schemas') (of the same scope, with no kept object built after the tables
 * and the same types: `migrationScope` builds the whole schema otherwise) into what both build alike and
 * what each builds on top of it. Shared: the types and schemas; each table whose statements are the same
 * in both; each relationship whose statements are the same and whose two tables are shared. A shared
 * statement names only shared objects, so building the shared part first and either schema's own part
 * after it makes every object from the same statement over the same objects it names, as the whole script
 * does: the catalog (compared by name: every constraint, index and trigger the generator makes is named)
 * is that of the whole script. The proof then builds the shared part once instead of twice, and falls back
 * to the two whole builds when PostgreSQL refuses any part of the split (a statement naming something the split
 * cannot see), so the split never turns a build that works into one refused.
 */
export function sharedBuild(
  oldStatements: readonly Statement[],
  newStatements: readonly Statement[],
  relationships: readonly Relationship[],
): SharedBuild {
  const [before, after] = [groupTexts(oldStatements), groupTexts(newStatements)];
  const same = (key: string) => before.has(key) && before.get(key) === after.get(key);
  const tables = new Map<string, string[]>(); // relationship key -> the tables it joins, in either schema
  for (const r of relationships) tables.set(relationshipPrefix + r.id, [...(tables.get(relationshipPrefix + r.id) ?? []), ...endsOf(r)]);
  const isShared = (key: string) => same(key) && (!key.startsWith(relationshipPrefix) || (tables.get(key) ?? []).every((t) => same(t)));
  const sharedKeys = new Set([...after.keys()].filter(isShared));
  if (!same(globalKey) && (before.has(globalKey) || after.has(globalKey))) sharedKeys.clear();
  return {
    shared: newStatements.filter((s) => sharedKeys.has(ownerOf(s))),
    oldOnly: oldStatements.filter((s) => !sharedKeys.has(ownerOf(s))),
    newOnly: newStatements.filter((s) => !sharedKeys.has(ownerOf(s))),
  };
}
