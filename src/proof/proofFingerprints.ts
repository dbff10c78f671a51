import { resolveAll, type Relationship, type RelationshipId, type Schema, type TableId } from '../model/index.ts';
import { objectsTablesNeed, sqlObjectPlacement, type Statement } from '../ddl/index.ts';
import { closeOverParents, endsOf, globalKey, groupByOwner, parentsByChild, relationshipPrefix } from './statementOwners.ts';

/**
 * What each relationship's proof was proved against, as short hashes: a relationship whose fingerprint
 * is unchanged after an edit would be proved exactly as before, so its results are kept.
 */
export interface ProofFingerprints {
  /** Per relationship: its statements and model, the tables its scenarios insert into (its ends and their mandatory parents, transitively) with their keys, and the schema-wide statements. */
  relationships: Record<RelationshipId, string>;
  /** Per table: its own statements (a changed table is built again, so a DDL error in it still shows). */
  tables: Record<TableId, string>;
  /** Kept views, functions or triggers may use any table: then every proof builds the whole schema. */
  buildsWhole: boolean;
}

/** 53-bit hash of a text (cyrb53), in base 36: short, and collisions are out of reach for a schema's statements. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The parents a proof's sample rows need: foreign keys a row must fill (NOT NULL or defaulted). */
export function proofParents(schema: Schema): Map<TableId, TableId[]> {
  return parentsByChild([schema], { mandatoryOnly: true });
}

/** The tables a relationship's scenarios insert into: its two ends and the parents their rows need, transitively. */
export function tablesProvedWith(r: Relationship, parents: ReadonlyMap<TableId, readonly TableId[]>): Set<TableId> {
  const tables = new Set(endsOf(r));
  closeOverParents(tables, parents);
  return tables;
}

/**
 * Fingerprints of a schema's proof from the DDL it runs. A relationship's covers everything its scenarios'
 * SQL and PostgreSQL's answers depend on: its own statements and model (ends, actions; not its verb, which no scenario reads), the tables its
 * rows go into (its ends and their mandatory parents, transitively) with each one's statements, the
 * relationships it is the child of or joins through a junction, and which of its columns foreign keys
 * refer to (the sample rows fill them); and the schema-wide statements (types, settings, kept objects).
 * Tables reach their parents as a hash tree over the parent graph (a cycle hashed as one), so all of it costs one pass.
 */
export function proofFingerprints(schema: Schema, statements: readonly Statement[]): ProofFingerprints {
  const groups = new Map([...groupByOwner(statements)].map(([key, sqls]) => [key, hashText(sqls.join('\n'))]));
  const global = groups.get(globalKey) ?? '';
  const relationshipHash = (r: Relationship) =>
    `${r.id}=${groups.get(relationshipPrefix + r.id) ?? ''}/${hashText(JSON.stringify({ ...r, name: '' }))}`;
  const own = new Map<TableId, string[]>(schema.tables.map((t) => [t.id, [`${t.id}=${groups.get(t.id) ?? ''}`]]));
  for (const r of resolveAll(schema)) {
    if (r.kind === 'invalid') continue;
    if (r.kind === 'manyToMany') for (const t of new Set(endsOf(r.relationship))) own.get(t)?.push(relationshipHash(r.relationship));
    else {
      own.get(r.child.id)?.push(relationshipHash(r.relationship));
      if (r.relationship.referencedColumnIds) own.get(r.parent.id)?.push(`refers to ${r.parentColumns.map((c) => c.id).join(',')}`);
    }
  }
  const reach = reachHashes([...own.keys()], proofParents(schema), (t) => [...own.get(t)!].sort().join('|'));
  const relationships: Record<RelationshipId, string> = {};
  for (const r of schema.relationships)
    relationships[r.id] = hashText([global, relationshipHash(r), ...endsOf(r).map((t) => reach.get(t) ?? '')].join('|'));
  const tables: Record<TableId, string> = {};
  for (const t of schema.tables) tables[t.id] = `${global}/${groups.get(t.id) ?? ''}`;
  const buildsWhole = objectsTablesNeed(schema).some((o) => sqlObjectPlacement[o.kind].phase === 'afterTables');
  return { relationships, tables, buildsWhole };
}

/**
 * For each node, a hash of its own content and of every node it reaches: strongly connected components
 * (Tarjan) are hashed as one, children first, so each edge is walked once.
 */
function reachHashes(
  nodes: readonly TableId[],
  edges: ReadonlyMap<TableId, readonly TableId[]>,
  content: (t: TableId) => string,
): Map<TableId, string> {
  const index = new Map<TableId, number>();
  const low = new Map<TableId, number>();
  const stack: TableId[] = [];
  const onStack = new Set<TableId>();
  const hashOf = new Map<TableId, string>();
  const visit = (v: TableId) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const members: TableId[] = [];
    let w: TableId;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      members.push(w);
    } while (w !== v);
    const inside = new Set(members);
    const below = new Set(members.flatMap((m) => (edges.get(m) ?? []).filter((p) => !inside.has(p)).map((p) => hashOf.get(p)!)));
    const hash = hashText([...members.map(content).sort(), '>', ...[...below].sort()].join('\n'));
    for (const m of members) hashOf.set(m, hash);
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return hashOf;
}
