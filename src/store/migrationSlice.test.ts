import { describe, expect, it } from 'vitest';
import { renameKey } from '../migrate/index.ts';
import type { TableId } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { aVersion } from '../testing/factories.ts';
import { confirmedKeysOf, createEditorStore, migrationOf, selectMigrationBase, selectRenameAnswers } from './index.ts';

const authors = 'tbl_authors' as TableId;

/** The example with two versions of its own schema: an import, then a later mark. */
function loaded() {
  const store = createEditorStore();
  const { schema } = exampleDocument();
  const imported = aVersion({ name: 'imported', kind: 'imported', createdAt: '2026-12-01T09:00:00.000Z', schema });
  const marked = aVersion({ name: 'deployed', kind: 'marked', createdAt: '2026-12-02T09:00:00.000Z', schema });
  store.getState().loadDocument({ ...exampleDocument(), versions: [imported, marked] });
  return { store, imported, marked };
}

describe('the Migration tab state', () => {
  it('starts from the default base, follows a pick, and falls back when the picked version is deleted', () => {
    const { store, imported, marked } = loaded();
    expect(selectMigrationBase(store.getState())).toBe(marked);
    store.getState().chooseMigrationBase(imported.id);
    expect(selectMigrationBase(store.getState())).toBe(imported);
    store.getState().deleteVersion(imported.id);
    expect(selectMigrationBase(store.getState())).toBe(store.getState().document.versions![0]);
    expect(store.getState().undoDepth).toBe(1);
  });

  it('keeps rename answers per base version, outside the document and its undo history', () => {
    const { store, imported, marked } = loaded();
    const before = store.getState().document;
    store.getState().answerRename(marked.id, 'a>b', 'confirmed');
    store.getState().answerRename(marked.id, 'c>d', 'rejected');
    expect(selectRenameAnswers(store.getState())).toEqual({ 'a>b': 'confirmed', 'c>d': 'rejected' });
    expect(confirmedKeysOf(selectRenameAnswers(store.getState()))).toEqual(['a>b']);
    store.getState().chooseMigrationBase(imported.id);
    expect(selectRenameAnswers(store.getState())).toEqual({});
    store.getState().chooseMigrationBase(marked.id);
    store.getState().answerRename(marked.id, 'a>b', null);
    expect(selectRenameAnswers(store.getState())).toEqual({ 'c>d': 'rejected' });
    expect(store.getState().document).toBe(before);
    expect(store.getState().undoDepth).toBe(0);
  });

  it('diffs the base against the schema once per schema object, with the confirmed renames', () => {
    const { store, marked } = loaded();
    const none = confirmedKeysOf({});
    expect(migrationOf(store.getState().document.schema, marked.schema, none)).toMatchObject({ up: [], down: [], proposedRenames: [] });
    store.getState().renameTable(authors, 'writers');
    const schema = store.getState().document.schema;
    const migration = migrationOf(schema, marked.schema, none);
    expect(migration.up[0]!.sql).toBe('ALTER TABLE authors RENAME TO writers;');
    expect(migrationOf(schema, marked.schema, confirmedKeysOf({}))).toBe(migration);
    expect(migrationOf(schema, marked.schema, [renameKey({ fromKey: 'x', toKey: 'y' })])).not.toBe(migration);
  });
});
