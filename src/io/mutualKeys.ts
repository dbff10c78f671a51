import { keptKeySql, type DrawnKey } from './foreignKeyFacts.ts';

/** A 1:1 FK + UNIQUE key that is deferrable and NOT NULL. */
function isMandatoryOneToOne(d: DrawnKey): boolean {
  const r = d.relationship;
  return r.to.max === 1 && r.oneToOne === 'foreignKeyUnique' && r.isDeferrable && r.from.min === 1;
}

/**
 * Two tables whose NOT NULL, UNIQUE, DEFERRABLE keys point at each other say "each A has exactly
 * one B and each B exactly one A", the hand-written form of a mandatory-both-sides 1:1. They are read
 * as that one relationship (the earlier key holds it, its child end becomes mandatory); the other key
 * is kept as SQL text with its UNIQUE column, so exported DDL still has it, and a note says so.
 */
export function mergeMutualKeys(
  drawn: readonly DrawnKey[],
  out: { keptKeys: { oid: string; name: string; sql: string }[]; notes: string[] },
): DrawnKey[] {
  const dropped = new Set<DrawnKey>();
  const kept: DrawnKey[] = [];
  for (const d of drawn) {
    if (dropped.has(d)) continue;
    const partner = isMandatoryOneToOne(d)
      ? drawn.find(
          (e) =>
            e !== d &&
            !dropped.has(e) &&
            isMandatoryOneToOne(e) &&
            e.relationship.to.min === 0 &&
            e.key.child === d.key.parent &&
            e.key.parent === d.key.child &&
            d.key.child !== d.key.parent,
        )
      : undefined;
    if (!partner) {
      kept.push(d);
      continue;
    }
    dropped.add(partner);
    kept.push({ ...d, relationship: { ...d.relationship, to: { ...d.relationship.to, min: 1 } } });
    const { child, constraint } = partner.key;
    out.keptKeys.push({ oid: constraint.oid, name: constraint.name, sql: keptKeySql(child, constraint) });
    out.notes.push(
      `"${d.key.child.name}" and "${d.key.parent.name}" refer to each other with deferred keys: read as one 1:1 with both ends mandatory, held by "${d.key.child.name}"; ` +
        `"${child.name}"'s key ${constraint.name} is kept as SQL text, and exported DDL adds the generator's deferred triggers for the mandatory end.`,
    );
  }
  return kept;
}
