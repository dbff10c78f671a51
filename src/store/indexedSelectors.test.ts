import { describe, expect, it } from 'vitest';
import type { TableId } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { createEditorStore } from './editorStore.ts';
import {
  selectDescriptionById,
  selectRelationshipById,
  selectRelationshipProblemsById,
  selectResolvedById,
  selectTableById,
  selectTableProblemsById,
} from './indexedSelectors.ts';
import { selectRelationship, selectRelationshipProblems, selectResolved, selectTable, selectTableProblems } from './selectors.ts';

describe('selectors by id', () => {
  it('answer as the linear ones do, and follow an edit', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    const check = () => {
      const s = store.getState();
      for (const t of s.document.schema.tables) {
        expect(selectTableById(t.id)(s)).toBe(selectTable(t.id)(s));
        expect(selectTableProblemsById(t.id)(s)).toEqual(selectTableProblems(t.id)(s));
      }
      for (const r of s.document.schema.relationships) {
        expect(selectRelationshipById(r.id)(s)).toBe(selectRelationship(r.id)(s));
        expect(selectResolvedById(r.id)(s)).toBe(selectResolved(s).find((x) => x.relationship.id === r.id));
        expect(selectRelationshipProblemsById(r.id)(s)).toEqual(selectRelationshipProblems(r.id)(s));
      }
    };
    check();
    const [rel] = store.getState().document.schema.relationships;
    expect(selectDescriptionById(rel!.id)(store.getState())).toMatch(/^each authors? has/);
    store.getState().renameTable(rel!.from.tableId, 'writers');
    check();
    expect(selectDescriptionById(rel!.id)(store.getState())).toMatch(/^each writers? has/);
    expect(selectTableById('tbl_missing' as TableId)(store.getState())).toBeUndefined();
  });

  it('keep the same answer objects through a drag, so nothing on the canvas re-renders for it', () => {
    const store = createEditorStore();
    store.getState().loadDocument(exampleDocument());
    const [table] = store.getState().document.schema.tables;
    const before = selectTableProblemsById(table!.id)(store.getState());
    store.getState().handleNodesChange([{ type: 'position', id: table!.id, position: { x: 5, y: 5 }, dragging: true }]);
    expect(selectTableProblemsById(table!.id)(store.getState())).toBe(before);
  });
});
