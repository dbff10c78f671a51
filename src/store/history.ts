import type { ErdDocument } from '../model/index.ts';

/**
 * How an action's change of the document goes on the undo stack, declared by each action (as excalidraw's
 * `captureUpdate` and tldraw's `history`): a step of its own, one step with the changes before it that
 * share its merge key (typing a name), or not at all (the moves in the middle of a drag).
 */
export type UndoPolicy = 'record' | 'ignore' | { mergeKey: string };

/** A step of its own, or one step with every change in a row that shares `mergeKey` (a field typed into). */
export function recordOrMerge(mergeKey: string | undefined): UndoPolicy {
  return mergeKey === undefined ? 'record' : { mergeKey };
}

/**
 * What the last change of the document is to the undo history (a Y.UndoManager, see documentBinding.ts):
 * a new step, part of the step before it, or no step at all (written untracked).
 */
export type UndoStep = 'new' | 'merge' | 'none';

/** The undo fields of the store: what the document binding reads, and what the Undo and Redo commands show. */
export interface UndoFields {
  lastUndoStep: UndoStep;
  lastMergeKey: string | null;
  /** How many steps this person can undo, and redo (the undo manager's stacks). */
  undoDepth: number;
  redoDepth: number;
}

/** The undo fields once the document has been changed by an action with `policy` (a new step empties the redo stack). */
export function recordChange(fields: UndoFields, policy: UndoPolicy): Partial<UndoFields> {
  if (policy === 'ignore') return { lastUndoStep: 'none' };
  const mergeKey = policy === 'record' ? null : policy.mergeKey;
  const merges = mergeKey !== null && mergeKey === fields.lastMergeKey && fields.undoDepth > 0;
  return { lastUndoStep: merges ? 'merge' : 'new', lastMergeKey: mergeKey, undoDepth: fields.undoDepth + (merges ? 0 : 1), redoDepth: 0 };
}
/** Where a drag stands after a move: the first move marks where it started, the last (not dragging) ends it. */
export interface DragStep {
  /** The moves during a drag are ignored; the one that ends it records one step from the drag's start. */
  policy: UndoPolicy;
  /** The document the drag started from while it goes on, null once it ended. */
  dragStart: ErdDocument | null;
}

/** A move of tables or notes: while dragging it marks the start, at the end (or a move without a drag) it records once. */
export function dragStep(dragStart: ErdDocument | null, current: ErdDocument, isDragging: boolean): DragStep {
  return isDragging ? { policy: 'ignore', dragStart: dragStart ?? current } : { policy: 'record', dragStart: null };
}
