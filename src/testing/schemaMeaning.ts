import { isEffectivelyNotNull, resolveAll, type Cardinality, type Schema } from '../model/index.ts';

/** What a format cannot carry, so a round trip through it is compared without it (DBML has no end minimum and no DEFERRABLE). */
export interface Unkept {
  endMinimums?: boolean;
  deferrable?: boolean;
}

/** What a round trip must keep, without ids: tables, columns, and each relationship's ends, key and strategy (less what `unkept` names). */
export function schemaMeaning(schema: Schema, unkept: Unkept = {}) {
  const resolved = resolveAll(schema);
  const end = (e: Cardinality) => (unkept.endMinimums ? `..${e.max}` : `${e.min}..${e.max}`);
  const tables = schema.tables.map((t) => ({
    name: `${t.schemaName}.${t.name}`,
    columns: t.columns.map((c) => [c.name, c.type, c.isPrimaryKey, isEffectivelyNotNull(c, resolved), c.isUnique].join(' ')),
  }));
  const relationships = resolved
    .map((r) => {
      if (r.kind === 'invalid') return `invalid: ${r.reason}`;
      const deferrable = unkept.deferrable ? '' : `/${r.relationship.isDeferrable}`;
      const actions = `${r.relationship.onDelete}/${r.relationship.onUpdate}${deferrable}`;
      if (r.kind === 'manyToMany') {
        const { from, to, junction } = r.relationship;
        return `${r.from.name} ${end(from)} <-> ${r.to.name} ${end(to)} via "${junction.name}" ${actions}`;
      }
      const strategy = r.kind === 'oneToOne' ? r.relationship.oneToOne : 'oneToMany';
      const columns = r.columns.map((c) => c.name).join(',');
      return `${r.child.name}(${columns}) ${end(r.childEnd)} -> ${r.parent.name} ${end(r.parentEnd)} ${strategy} ${actions}`;
    })
    .sort();
  return { tables, relationships, enums: schema.enums.map((e) => ({ name: e.name, schemaName: e.schemaName, values: e.values })) };
}
