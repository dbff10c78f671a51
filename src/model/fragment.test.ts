import { describe, expect, it } from 'vitest';
import { generateDdl } from '../ddl/index.ts';
import { aSchema, ends } from '../testing/factories.ts';
import { copyFragment, pasteFragment } from './fragment.ts';

describe('copy and paste', () => {
  it('copies tables with the relationships among them, and pastes them with fresh ids, unique names and re-pointed keys', () => {
    const { schema, parentId, childId } = aSchema(ends.exactlyOne, ends.zeroOrOne);
    const layout = { [parentId]: { x: 0, y: 0 }, [childId]: { x: 300, y: 0 } };
    const fragment = copyFragment(schema, layout, [parentId, childId]);
    expect(fragment.relationships).toHaveLength(1);
    const pasted = pasteFragment(schema, layout, fragment, { x: 40, y: 40 });
    expect(pasted.schema.tables.map((t) => t.name)).toEqual(['authors', 'books', 'authors_2', 'books_2']);
    const [copyParent, copyChild] = pasted.tableIds.map((id) => pasted.schema.tables.find((t) => t.id === id)!);
    const copied = pasted.schema.relationships[1]!;
    expect([copied.from.tableId, copied.to.tableId]).toEqual([copyParent!.id, copyChild!.id]);
    expect(copied.foreignKeyColumnIds.every((id) => copyChild!.columns.some((c) => c.id === id))).toBe(true);
    const allIds = pasted.schema.tables.flatMap((t) => [t.id, ...t.columns.map((c) => c.id)]);
    expect(new Set(allIds).size).toBe(allIds.length);
    expect(pasted.layout[copyChild!.id]).toEqual({ x: 340, y: 40 });
    expect(generateDdl(pasted.schema).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('leaves out relationships to tables that were not copied', () => {
    const { schema, childId } = aSchema(ends.exactlyOne, ends.zeroOrMany);
    const fragment = copyFragment(schema, {}, [childId]);
    expect(fragment.relationships).toEqual([]);
    const pasted = pasteFragment(schema, {}, fragment, { x: 0, y: 0 });
    expect(pasted.schema.relationships).toHaveLength(1);
    expect(pasted.schema.tables.at(-1)!.columns.map((c) => c.name)).toEqual(['id', 'title', 'author_id']);
  });
});

describe('names of copies', () => {
  it('numbers copies after the base name only when it exists, and keeps junction names unique', () => {
    const { schema, parentId, childId, relationshipId } = aSchema(ends.zeroOrMany, ends.zeroOrMany, {
      parent: 'students',
      child: 'sales_2024',
    });
    const named = {
      ...schema,
      relationships: schema.relationships.map((r) =>
        r.id === relationshipId ? { ...r, junction: { ...r.junction, name: 'enrolments' } } : r,
      ),
    };
    const once = pasteFragment(named, {}, copyFragment(named, {}, [parentId, childId]), { x: 0, y: 0 });
    expect(once.schema.tables.map((t) => t.name)).toEqual(['students', 'sales_2024', 'students_2', 'sales_2024_2']);
    expect(once.schema.relationships.map((r) => r.junction.name)).toEqual(['enrolments', 'enrolments_2']);
    expect(generateDdl(once.schema).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const again = pasteFragment(once.schema, {}, copyFragment(once.schema, {}, once.tableIds), { x: 0, y: 0 });
    expect(again.schema.tables.slice(-2).map((t) => t.name)).toEqual(['students_3', 'sales_2024_3']);
  });
});
