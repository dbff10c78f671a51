import { addNote, maxNoteLength, type Layout, type Note } from '../model/index.ts';

/** The importer's remarks as one sticky note above the diagram: kept with the document, read when wanted, deleted when done. */
export function importNotes(remarks: readonly string[], layout: Layout): Note[] {
  if (remarks.length === 0) return [];
  const positions = Object.values(layout);
  const left = positions.length > 0 ? Math.min(...positions.map((p) => p.x)) : 0;
  const top = positions.length > 0 ? Math.min(...positions.map((p) => p.y)) : 0;
  const text = ['Notes from the import:', ...remarks.map((r) => `• ${r}`)].join('\n');
  const cut = text.length > maxNoteLength ? `${text.slice(0, maxNoteLength - 1)}…` : text;
  return addNote([], { x: left, y: top - 260 }, cut).notes;
}
