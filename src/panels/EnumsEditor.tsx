import { makeEnumType, type EnumType } from '../model/index.ts';
import { useEditorStore } from '../store/index.ts';
import { DraftInput } from './DraftInput.tsx';

/** Enum types (CREATE TYPE ... AS ENUM); a column uses one by naming it as its type. */
export function EnumsEditor() {
  const enums = useEditorStore((s) => s.document.schema.enums);
  const setEnums = useEditorStore((s) => s.setEnums);
  const patch = (type: EnumType, fields: Partial<EnumType>, field: string) =>
    setEnums(
      enums.map((e) => (e.id === type.id ? { ...e, ...fields } : e)),
      `enum:${type.id}:${field}`,
    );
  return (
    <fieldset className="field">
      <legend>Enum types</legend>
      {enums.map((type) => (
        <div key={type.id} className="check-row">
          <DraftInput aria-label="Enum name" value={type.name} onValue={(text) => patch(type, { name: text }, 'name')} spellCheck={false} />
          <input
            aria-label="Enum values"
            placeholder="draft, published"
            value={type.values.join(', ')}
            onChange={(e) =>
              patch(
                type,
                {
                  values: e.target.value
                    .split(',')
                    .map((v) => v.trim())
                    .filter((v) => v !== ''),
                },
                'values',
              )
            }
            spellCheck={false}
          />
          <button
            type="button"
            className="icon"
            aria-label={`Delete enum ${type.name}`}
            onClick={() => setEnums(enums.filter((e) => e.id !== type.id))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setEnums([...enums, makeEnumType(enums)])}>
        + Add enum type
      </button>
    </fieldset>
  );
}
