import { makeCheck, type CheckConstraint, type Table } from '../model/index.ts';
import { useEditorStore } from '../store/index.ts';
import { DraftInput } from './DraftInput.tsx';

/** A table's CHECK constraints: an optional name and a PostgreSQL expression each. */
export function ChecksEditor({ table }: { table: Table }) {
  const updateTableFields = useEditorStore((s) => s.updateTableFields);
  const setChecks = (checks: CheckConstraint[], mergeKey?: string) => updateTableFields(table.id, { checks }, mergeKey);
  const patch = (check: CheckConstraint, fields: Partial<CheckConstraint>, field: string) =>
    setChecks(
      table.checks.map((c) => (c.id === check.id ? { ...c, ...fields } : c)),
      `check:${check.id}:${field}`,
    );
  return (
    <fieldset className="field">
      <legend>CHECK constraints</legend>
      {table.checks.map((check) => (
        <div key={check.id} className="check-row">
          <DraftInput
            aria-label="Check name"
            placeholder="name (generated)"
            value={check.name}
            onValue={(text) => patch(check, { name: text }, 'name')}
            spellCheck={false}
          />
          <DraftInput
            aria-label="Check expression"
            placeholder="price >= 0"
            value={check.expression}
            onValue={(text) => patch(check, { expression: text }, 'expression')}
            spellCheck={false}
          />
          <button
            type="button"
            className="icon"
            aria-label="Delete check"
            onClick={() => setChecks(table.checks.filter((c) => c.id !== check.id))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setChecks([...table.checks, makeCheck()])}>
        + Add CHECK
      </button>
    </fieldset>
  );
}
