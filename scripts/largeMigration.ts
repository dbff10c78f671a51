import { addColumn, addTable, deleteTable, editColumn, renameTable, setEnd, updateRelationship, type Schema } from '../src/model/index.ts';

/**
 * Fifty editor edits of a generated schema, the same every run: ten table renames, ten column renames, five
 * widened types, ten added columns, five ends made 1:1 or mandatory, five ON DELETE changes, three dropped
 * and two new tables. The bench's migration of a large document.
 */
export function fiftyChanges(schema: Schema): Schema {
  let s = schema;
  const table = (i: number) => s.tables[(i * 37) % s.tables.length]!;
  const relationship = (i: number) => s.relationships[(i * 53) % s.relationships.length]!;
  for (let i = 0; i < 10; i++) s = renameTable(s, table(i).id, `${table(i).name}_renamed`);
  for (let i = 10; i < 20; i++) {
    const t = table(i);
    const name = t.columns.find((c) => c.name === 'name')!;
    s = editColumn(s, t.id, name.id, { name: 'title' });
  }
  for (let i = 20; i < 25; i++) {
    const t = table(i);
    const id = t.columns.find((c) => c.type === 'integer' && !c.isPrimaryKey);
    const name = t.columns.find((c) => c.name === 'name' || c.name === 'title')!;
    s = editColumn(s, t.id, (id ?? name).id, { type: id ? 'bigint' : 'varchar(200)' });
  }
  for (let i = 25; i < 35; i++)
    s = addColumn(s, table(i).id, { name: `note_${i}`, type: 'text', isNotNull: i % 2 === 0, defaultValue: "''" }).schema;
  for (let i = 0; i < 5; i++) s = setEnd(s, relationship(i).id, 'to', i % 2 === 0 ? { min: 0, max: 1 } : { min: 1, max: 'many' });
  for (let i = 5; i < 10; i++) s = updateRelationship(s, relationship(i).id, { onDelete: 'cascade' });
  for (let i = 40; i < 43; i++) s = deleteTable(s, table(i).id);
  for (let i = 0; i < 2; i++) s = addTable(s, `brand_new_${i}`).schema;
  return s;
}
