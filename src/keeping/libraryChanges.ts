import type { StoreApi } from 'zustand';
import { uniqueName } from '../io/storedDocument.ts';
import type { EditorState } from '../store/index.ts';
import type { DocumentSaver } from './documentSaver.ts';
import type { Guard, LibraryContext, LibraryOperations } from './libraryOperations.ts';

/**
 * The documents menu's copies, renames and deletes of stored documents, the open one included (it
 * is written first, and another is opened when it is deleted). Each throws on a storage failure.
 */
export function createLibraryChanges(
  store: StoreApi<EditorState>,
  saver: DocumentSaver,
  operations: LibraryOperations,
  context: LibraryContext,
  guarded: Guard,
) {
  const { library, tabId, post, changed } = context;
  const state = () => store.getState();
  const isOpen = (id: string) => id === saver.current()?.id;

  /** Copies a document; the copy of the open one has its unsaved edits. */
  async function duplicate(id: string, { open }: { open: boolean }): Promise<void> {
    if (!library) return;
    if (isOpen(id)) await saver.flush();
    const read = await library.read(id);
    if (!read?.ok) return;
    const name = uniqueName(`${read.record.name} (copy)`, await operations.takenNames());
    if (open) {
      await operations.create(name, isOpen(id) ? state().document : read.document);
      return;
    }
    const record = await library.create(name, read.document);
    const current = saver.current();
    if (current) await library.markOpen(current.id);
    post({ type: 'created', id: record.id, tabId });
    changed();
  }

  async function rename(id: string, name: string): Promise<void> {
    const trimmed = name.trim();
    if (!library || !trimmed) return;
    await library.rename(id, trimmed);
    if (isOpen(id)) state().setWork({ documentName: trimmed });
    post({ type: 'renamed', id, name: trimmed, tabId });
    changed();
  }

  /** Deletes a document, with an undo on its message; deleting the open one opens another. */
  async function remove(id: string): Promise<void> {
    if (!library) return;
    const wasOpen = isOpen(id);
    if (wasOpen) await saver.flush();
    const record = await library.remove(id);
    post({ type: 'deleted', id, tabId });
    if (wasOpen) await operations.openAnother();
    changed();
    if (!record) return;
    const restore = guarded(
      'bring the document back',
      async () => {
        await library.restore(record);
        post({ type: 'created', id: record.id, tabId });
        changed();
        if (wasOpen) await operations.open(record.id);
      },
      undefined,
    );
    state().showNotice({
      id: 'deleted',
      tone: 'info',
      text: `Deleted “${record.name}”.`,
      actions: [{ label: 'Undo', run: () => void restore() }],
    });
  }

  return { duplicate, rename, remove };
}
