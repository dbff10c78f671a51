import { describe, expect, it } from 'vitest';
import type { TableId } from '../model/index.ts';
import { exampleDocument } from '../testing/example.ts';
import { aVersion } from '../testing/factories.ts';
import { createEditorStore, selectDefaultBaseVersion, selectVersions } from './index.ts';

const authors = 'tbl_authors' as TableId;
const imported = aVersion({ name: 'imported from library.sql', kind: 'imported', createdAt: '2026-12-01T09:00:00.000Z' });

function loaded() {
  const store = createEditorStore();
  store.getState().loadDocument({ ...exampleDocument(), versions: [imported] });
  return store;
}

describe('version actions', () => {
  it('mark keeps the schema as it is now, as one undo step, and later edits leave it alone', () => {
    const store = loaded();
    const schema = store.getState().document.schema;
    const id = store.getState().markVersion('deployed 2026-12-03 17:00', new Date('2026-12-03T17:00:00Z'));
    const marked = store.getState().document.versions!.at(-1)!;
    expect(marked).toEqual({ id, name: 'deployed 2026-12-03 17:00', createdAt: '2026-12-03T17:00:00.000Z', kind: 'marked', schema });
    expect(marked.schema).toBe(schema);
    expect(store.getState().undoDepth).toBe(1);
    store.getState().renameTable(authors, 'writers');
    expect(store.getState().document.versions!.at(-1)!.schema.tables[0]!.name).toBe('authors');
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().document.versions).toEqual([imported]);
    store.getState().redo();
    expect(store.getState().document.versions!.at(-1)).toBe(marked);
  });

  it('lists versions newest first and migrates by default from the newest marked one', () => {
    const store = loaded();
    expect(selectDefaultBaseVersion(store.getState())).toBe(imported);
    store.getState().markVersion('first deploy', new Date('2026-12-02T00:00:00Z'));
    store.getState().markVersion('second deploy', new Date('2026-12-03T00:00:00Z'));
    expect(selectVersions(store.getState()).map((v) => v.name)).toEqual(['second deploy', 'first deploy', 'imported from library.sql']);
    expect(selectVersions(store.getState())).toBe(selectVersions(store.getState()));
    expect(selectDefaultBaseVersion(store.getState())?.name).toBe('second deploy');
  });

  it('renames and deletes, each one undo step; an empty name changes nothing', () => {
    const store = loaded();
    store.getState().renameVersion(imported.id, '  v1 ');
    expect(store.getState().document.versions![0]!.name).toBe('v1');
    store.getState().renameVersion(imported.id, '   ');
    expect(store.getState().markVersion('\n')).toBeNull();
    expect(store.getState().undoDepth).toBe(1);
    store.getState().deleteVersion(imported.id);
    expect(store.getState().document).not.toHaveProperty('versions');
    expect(selectVersions(store.getState())).toEqual([]);
    expect(selectDefaultBaseVersion(store.getState())).toBeNull();
    store.getState().undo();
    expect(store.getState().document.versions![0]!.name).toBe('v1');
    store.getState().undo();
    expect(store.getState().document.versions).toEqual([imported]);
  });

  it('changes nothing in a document opened read-only', () => {
    const store = createEditorStore();
    store.getState().loadDocument({ ...exampleDocument(), versions: [imported] }, 'made by a newer version of the editor');
    expect(store.getState().markVersion('deployed')).toBeNull();
    store.getState().renameVersion(imported.id, 'x');
    store.getState().deleteVersion(imported.id);
    expect(store.getState().document.versions).toEqual([imported]);
    expect(store.getState().undoDepth).toBe(0);
  });
});
