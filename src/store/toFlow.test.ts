import { describe, expect, it } from 'vitest';
import { renameTable, type ErdDocument } from '../model/index.ts';
import { aNote, aRelationship, aSchema } from '../testing/factories.ts';
import { toNoteNodes, toRelationshipEdges, toTableNodes } from './toFlow.ts';

const { schema, parentId, childId, relationshipId } = aSchema();
const document: ErdDocument = { schema, layout: { [parentId]: { x: 0, y: 0 }, [childId]: { x: 300, y: 40 } } as ErdDocument['layout'] };

describe('toTableNodes', () => {
  it('makes one node per table, at its place in the layout, carrying only the table id', () => {
    const nodes = toTableNodes(document, [], [childId]);
    expect(nodes).toEqual([
      { id: parentId, type: 'table', position: { x: 0, y: 0 }, data: { tableId: parentId }, selected: false },
      { id: childId, type: 'table', position: { x: 300, y: 40 }, data: { tableId: childId }, selected: true },
    ]);
  });

  it('puts a table the layout does not place at the origin', () => {
    const unplaced = { ...document, layout: {} as ErdDocument['layout'] };
    expect(toTableNodes(unplaced, [], []).map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 0 },
    ]);
  });

  it('gives back the previous array when no node changed, as on a rename, so React Flow re-reads nothing', () => {
    const before = toTableNodes(document, [], []);
    const renamed = { ...document, schema: renameTable(document.schema, parentId, 'writers') };
    expect(toTableNodes(renamed, before, [])).toBe(before);
  });

  it('remakes only the node that moved or changed selection, keeping what React Flow measured', () => {
    const before = toTableNodes(document, [], []).map((n) => ({ ...n, measured: { width: 220, height: 88 } }));
    const moved = { ...document, layout: { ...document.layout, [childId]: { x: 500, y: 40 } } };
    const after = toTableNodes(moved, before, []);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toMatchObject({ position: { x: 500, y: 40 }, measured: { width: 220, height: 88 } });
    const selected = toTableNodes(moved, after, [parentId]);
    expect(selected[0]).toMatchObject({ selected: true, measured: { width: 220, height: 88 } });
    expect(selected[1]).toBe(after[1]);
  });
});

describe('toNoteNodes', () => {
  it('makes a node per note, dragged by its strip, reusing the ones that did not move', () => {
    const still = aNote({ position: { x: 10, y: 20 } });
    const moving = aNote({ text: 'why' });
    const before = toNoteNodes([still, moving], []);
    expect(before[0]).toEqual({
      id: still.id,
      type: 'note',
      position: { x: 10, y: 20 },
      data: { noteId: still.id },
      dragHandle: '.note-grip',
    });
    const after = toNoteNodes([still, { ...moving, position: { x: 5, y: 5 } }], before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toMatchObject({ id: moving.id, position: { x: 5, y: 5 } });
  });

  it('makes none for a document without notes', () => {
    expect(toNoteNodes(undefined, [])).toEqual([]);
  });
});

describe('toRelationshipEdges', () => {
  it('draws each relationship from its from table to its to table, carrying only its id, selected when chosen', () => {
    const other = aRelationship(childId, parentId);
    const edges = toRelationshipEdges([...schema.relationships, other], other.id);
    expect(edges).toEqual([
      { id: relationshipId, type: 'relationship', source: parentId, target: childId, data: { relationshipId }, selected: false },
      { id: other.id, type: 'relationship', source: childId, target: parentId, data: { relationshipId: other.id }, selected: true },
    ]);
  });
});
