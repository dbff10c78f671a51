import { quoteIdent, quoteLiteral } from '../ddl/index.ts';
import { orderRenames } from './orderRenames.ts';
import { idsOf, keptTables, tableRef, type Plan } from './plan.ts';

/** Tables dropped, made, renamed and moved to another schema, schemas made and dropped, and table and column comments. */
export function planTables(plan: Plan): void {
  const { from, to, phases } = plan;
  for (const name of to.schemaNames)
    if (!from.schemaNames.includes(name)) phases.createSchemas.push({ kind: 'createSchema', sql: `CREATE SCHEMA ${name};` });
  for (const name of from.schemaNames)
    if (!to.schemaNames.includes(name)) phases.dropSchemas.push({ kind: 'dropSchema', sql: `DROP SCHEMA ${name};` });
  for (const t of from.tables.values()) {
    if (to.tables.has(t.key)) continue;
    phases.dropTables.push({
      kind: 'dropTable',
      ...idsOf(t.key),
      sql: `DROP TABLE ${tableRef(t)};`,
      losesData: `drops table ${t.schemaName}.${t.name} with all its rows`,
    });
  }
  for (const t of to.tables.values())
    if (!from.tables.has(t.key)) phases.createTables.push({ kind: 'createTable', ...idsOf(t.key), sql: t.createSql });
  const kept = keptTables(plan);
  // A table moved and renamed is renamed in its new schema, after the move, when a table staying in its old schema ends with the new name.
  const staysNamed = (schemaName: string, name: string) =>
    kept.some(([b, a]) => b.schemaName === schemaName && a.schemaName === schemaName && a.name === name);
  const renamedAfterMove = new Set(
    kept.filter(([b, a]) => b.schemaName !== a.schemaName && b.name !== a.name && staysNamed(b.schemaName, a.name)).map(([, a]) => a.key),
  );
  for (const schemaName of new Set(kept.map(([before]) => before.schemaName))) {
    const inSchema = kept.filter(([before]) => before.schemaName === schemaName);
    const changes = inSchema
      .filter(([, after]) => !renamedAfterMove.has(after.key))
      .map(([before, after]) => ({ key: after.key, from: before.name, to: after.name }));
    for (const c of orderRenames(
      changes,
      inSchema.map(([before]) => before.name),
    ))
      phases.renames.push({
        kind: 'renameTable',
        ...idsOf(c.key),
        sql: `ALTER TABLE ${tableRef({ schemaName, name: c.from })} RENAME TO ${quoteIdent(c.to)};`,
      });
  }
  for (const [before, after] of kept)
    if (before.schemaName !== after.schemaName)
      phases.renames.push({
        kind: 'moveTable',
        ...idsOf(after.key),
        sql: `ALTER TABLE ${tableRef({ ...before, name: renamedAfterMove.has(after.key) ? before.name : after.name })} SET SCHEMA ${quoteIdent(after.schemaName)};`,
      });
  for (const [before, after] of kept)
    if (renamedAfterMove.has(after.key))
      phases.renames.push({
        kind: 'renameTable',
        ...idsOf(after.key),
        sql: `ALTER TABLE ${tableRef({ schemaName: after.schemaName, name: before.name })} RENAME TO ${quoteIdent(after.name)};`,
      });
  planComments(plan);
}

/** COMMENT ON for every table and column comment that is new, changed or gone (IS NULL). */
function planComments(plan: Plan): void {
  const text = (comment: string) => (comment === '' ? 'NULL' : quoteLiteral(comment));
  for (const t of plan.to.tables.values()) {
    const before = plan.from.tables.get(t.key);
    if ((before?.comment ?? '') !== t.comment)
      plan.phases.comments.push({ kind: 'comment', ...idsOf(t.key), sql: `COMMENT ON TABLE ${tableRef(t)} IS ${text(t.comment)};` });
    for (const c of t.columns) {
      const old = plan.replaced.has(c.key) ? undefined : before?.columns.find((o) => o.key === c.key);
      if ((old?.comment ?? '') === c.comment) continue;
      plan.phases.comments.push({
        kind: 'comment',
        ...idsOf(t.key, c.key),
        sql: `COMMENT ON COLUMN ${tableRef(t)}.${quoteIdent(c.name)} IS ${text(c.comment)};`,
      });
    }
  }
}
