import { memo } from 'react';
import { useStore, type NodeProps } from '@xyflow/react';
import { maxNoteLength } from '../model/index.ts';
import { useEditorStore, type NoteFlowNode } from '../store/index.ts';
import { selectIsZoomedOut } from './levelOfDetail.ts';
import { noteSummary } from './noteSummary.ts';

/**
 * Puts the caret in a new note once React Flow has drawn and measured it (a few frames after it is
 * added: the view may pan to it first, and only visible nodes are drawn).
 */
export function focusNoteWhenDrawn(id: string, framesLeft = 60): void {
  // A node React Flow has not measured yet is hidden, and a hidden field refuses the focus: try again next frame.
  const box = document.querySelector<HTMLTextAreaElement>(`[data-note-id="${id}"] textarea`);
  box?.focus();
  if (document.activeElement !== box && framesLeft > 0) requestAnimationFrame(() => focusNoteWhenDrawn(id, framesLeft - 1));
}

/** A sticky note: drag it by its top strip, type in it; it is never part of the DDL. */
function NoteNodeView({ data }: NodeProps<NoteFlowNode>) {
  const text = useEditorStore((s) => s.document.notes?.find((n) => n.id === data.noteId)?.text ?? '');
  const setNoteText = useEditorStore((s) => s.setNoteText);
  const deleteNote = useEditorStore((s) => s.deleteNote);
  const isZoomedOut = useStore(selectIsZoomedOut);
  return (
    <div className="note-node" data-note-id={data.noteId}>
      {isZoomedOut && (
        <div className="note-summary" aria-hidden="true">
          {noteSummary(text) || 'Note'}
        </div>
      )}
      <div className="note-grip" title="Drag to move">
        <span>Note</span>
        <button type="button" className="icon nodrag" aria-label="Delete note" title="Delete note" onClick={() => deleteNote(data.noteId)}>
          ×
        </button>
      </div>
      <textarea
        className="nodrag nowheel"
        aria-label="Note text"
        placeholder="Why is this table split off? Who owns it?"
        maxLength={maxNoteLength}
        value={text}
        rows={Math.min(12, Math.max(3, text.split('\n').length + 1))}
        onChange={(e) => setNoteText(data.noteId, e.target.value)}
      />
    </div>
  );
}

/** Memoized: a note re-renders when its own text changes. */
export const NoteNode = memo(NoteNodeView);
