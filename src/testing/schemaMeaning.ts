import { isEffectivelyNotNull, resolveAll, type Schema } from '../model/index.ts';

/** What a round trip must keep, without ids: tables, columns, and each relationship's ends, key and strategy. */
export function schemaMeaning(schema: Schema) {
  const resolved = resolveAll(schema);
  const tables = schema.tables.map((t) => ({
    name: `${t.schemaName}.${t.name}`,
    columns: t.columns.map((c) => [c.name, c.type, c.isPrimaryKey, isEffectivelyNotNull(c, resolved), c.isUnique].join(' ')),
  }));
  const relationships = resolved
    .map((r) => {
      if (r.kind === 'invalid') return `invalid: ${r.reason}`;
      const actions = `${r.relationship.onDelete}/${r.relationship.onUpdate}/${r.relationship.isDeferrable}`;
      if (r.kind === 'manyToMany') {
        const { from, to, junction } = r.relationship;
        return `${r.from.name} ${from.min}..${from.max} <-> ${r.to.name} ${to.min}..${to.max} via "${junction.name}" ${actions}`;
      }
      const strategy = r.kind === 'oneToOne' ? r.relationship.oneToOne : 'oneToMany';
      const columns = r.columns.map((c) => c.name).join(',');
      return `${r.child.name}(${columns}) ${r.childEnd.min}..${r.childEnd.max} -> ${r.parent.name} ${r.parentEnd.min}..${r.parentEnd.max} ${strategy} ${actions}`;
    })
    .sort();
  return { tables, relationships, enums: schema.enums.map((e) => ({ name: e.name, schemaName: e.schemaName, values: e.values })) };
}
