import { newId } from './ids.ts';
import { uniqueName } from './naming.ts';
import { defaultSchemaName, type EnumType } from './schema.ts';

/** A new enum type with a fresh id, a name no other enum has (`enum_1`...) and two values to start from. */
export function makeEnumType(existing: readonly EnumType[]): EnumType {
  const name = uniqueName(
    `enum_${existing.length + 1}`,
    existing.map((e) => e.name),
  );
  return { id: newId('enum'), name, schemaName: defaultSchemaName, values: ['a', 'b'] };
}
