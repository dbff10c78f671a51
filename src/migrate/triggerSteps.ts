import { quoteIdent } from '../ddl/index.ts';
import type { RelationshipId } from '../model/index.ts';
import type { Plan } from './plan.ts';

/**
 * Mandatory-child triggers and their functions: dropped first and made again last whenever their text
 * changes (their bodies name the tables and keys, so a rename changes them too).
 */
export function planTriggers(plan: Plan): void {
  for (const t of plan.from.triggers.values()) {
    const next = plan.to.triggers.get(t.key);
    if (next && next.functionSql === t.functionSql && next.triggerSql === t.triggerSql) continue;
    const relationshipId = t.relationshipId as RelationshipId;
    plan.phases.dropTriggers.push(
      { kind: 'dropTrigger', relationshipId, sql: `DROP TRIGGER ${quoteIdent(t.name)} ON ${t.tableRef};` },
      { kind: 'dropTrigger', relationshipId, sql: `DROP FUNCTION ${t.functionRef}();` },
    );
  }
  for (const t of plan.to.triggers.values()) {
    const before = plan.from.triggers.get(t.key);
    if (before && before.functionSql === t.functionSql && before.triggerSql === t.triggerSql) continue;
    const relationshipId = t.relationshipId as RelationshipId;
    plan.phases.createTriggers.push(
      { kind: 'createTrigger', relationshipId, sql: t.functionSql },
      { kind: 'createTrigger', relationshipId, sql: t.triggerSql },
    );
  }
}
