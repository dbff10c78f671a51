import type { StateCreator } from 'zustand';
import * as model from '../model/index.ts';
import type { NoteId, Position } from '../model/index.ts';
import type { EditorState } from './editorStore.ts';

/** Sticky notes: each edit is one undo step (typing in a note is one step). */
export interface NoteActions {
  addNote(position: Position): NoteId;
  setNoteText(id: NoteId, text: string): void;
  deleteNote(id: NoteId): void;
}

export const createNoteActions: StateCreator<EditorState, [], [], NoteActions> = (_set, get) => ({
  addNote(position) {
    const added = model.addNote(get().document.notes ?? [], position);
    get().editNotes(() => added.notes, 'record');
    return added.noteId;
  },
  setNoteText: (id, text) => get().editNotes((notes) => model.setNoteText(notes, id, text), { mergeKey: `note:${id}` }),
  deleteNote: (id) => get().editNotes((notes) => model.deleteNote(notes, id), 'record'),
});
