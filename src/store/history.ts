import type { ErdDocument } from '../model/index.ts';

/** How many document snapshots undo keeps. */
const historyLimit = 200;

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

/** The undo stack: documents before and after the current one, and the merge key of the last step. */
export interface History {
  past: ErdDocument[];
  future: ErdDocument[];
  lastMergeKey: string | null;
}

/** The history once the document `before` has been changed by an action with `policy`. */
export function recordChange(history: History, before: ErdDocument, policy: UndoPolicy): History {
  if (policy === 'ignore') return history;
  const mergeKey = policy === 'record' ? null : policy.mergeKey;
  const merges = mergeKey !== null && mergeKey === history.lastMergeKey;
  return { past: merges ? history.past : [...history.past, before].slice(-historyLimit), future: [], lastMergeKey: mergeKey };
}

/** Where a drag stands after a move: the first move marks where it started, the last (not dragging) ends it. */
export interface DragStep {
  /** The moves during a drag are ignored; the one that ends it records one step from the drag's start. */
  policy: UndoPolicy;
  /** The document the step goes back to. */
  before: ErdDocument;
  /** The document the drag started from while it goes on, null once it ended. */
  dragStart: ErdDocument | null;
}

/** A move of tables or notes: while dragging it marks the start, at the end (or a move without a drag) it records once. */
export function dragStep(dragStart: ErdDocument | null, current: ErdDocument, isDragging: boolean): DragStep {
  const before = dragStart ?? current;
  return isDragging ? { policy: 'ignore', before, dragStart: before } : { policy: 'record', before, dragStart: null };
}
