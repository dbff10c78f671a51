import { newId, type NoteId } from './ids.ts';
import type { Note, Position } from './schema.ts';

/** Longest note text kept; a note is a remark, not a document. */
export const maxNoteLength = 2000;

/** Adds a note at a position; returns the notes and the new note's id. */
export function addNote(notes: readonly Note[], position: Position, text = ''): { notes: Note[]; noteId: NoteId } {
  const note: Note = { id: newId('note'), text, position };
  return { notes: [...notes, note], noteId: note.id };
}

/** Changes a note's text (cut to `maxNoteLength`). */
export function setNoteText(notes: readonly Note[], id: NoteId, text: string): Note[] {
  return notes.map((n) => (n.id === id ? { ...n, text: text.slice(0, maxNoteLength) } : n));
}

/** Moves notes to new positions (a drag). */
export function moveNotes(notes: readonly Note[], positions: ReadonlyMap<string, Position>): Note[] {
  return notes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n));
}

/** Removes a note. */
export function deleteNote(notes: readonly Note[], id: NoteId): Note[] {
  return notes.filter((n) => n.id !== id);
}

/** Whether a canvas node id is a note's (tables and notes share the canvas). */
export function isNoteId(id: string): id is NoteId {
  return id.startsWith('note_');
}
