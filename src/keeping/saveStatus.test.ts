import { describe, expect, it } from 'vitest';
import { emptySchema, type ErdDocument } from '../model/index.ts';
import {
  hasEditsAtRisk,
  hasUnsavedChanges,
  initialSaveState,
  isWriteDue,
  nextSaveState,
  shownStatus,
  type KeptDocument,
  type SaveEvent,
  type SaveState,
} from './saveStatus.ts';

/** A document: the machine tells documents apart by identity, as the store makes a new one on every edit. */
const aDocument = (): ErdDocument => ({ schema: emptySchema, layout: {} });
const stored = aDocument();
const edited = aDocument();
const editedAgain = aDocument();

const kept: KeptDocument & { opening: number } = { id: 'doc_1', baseRevision: 3, saved: stored, savedAt: 1000, opening: 1 };
const states = {
  loading: initialSaveState,
  readOnly: { status: 'readOnly', opening: 1 },
  unkept: { ...kept, status: 'unkept', id: 'unsaved', baseRevision: 0, savedAt: 0 },
  saved: { ...kept, status: 'saved' },
  unsaved: { ...kept, status: 'unsaved' },
  saving: { ...kept, status: 'saving' },
  failed: { ...kept, status: 'failed' },
  newer: { ...kept, status: 'conflict', conflict: 'newer' },
  deleted: { ...kept, status: 'conflict', conflict: 'deleted' },
} satisfies Record<string, SaveState>;
type Named = keyof typeof states;
const every = Object.keys(states) as Named[];
const except = (...names: Named[]) => every.filter((name) => !names.includes(name));

const step = (name: Named, event: SaveEvent) => nextSaveState(states[name], event);
const edit = (document: ErdDocument, previous: ErdDocument = stored): SaveEvent => ({ type: 'edited', document, previous });
const written = (current: ErdDocument, opening = 1): SaveEvent => ({
  type: 'written',
  opening,
  document: edited,
  revision: 4,
  savedAt: 2000,
  current,
});

describe('save status: showing a document', () => {
  it.each(every)('from %s, a stored document opens saved, as the base of the next write; no write is due', (name) => {
    const { state, effects } = step(name, { type: 'opened', id: 'doc_2', revision: 7, savedAt: 5, document: edited, stored: true });
    expect(state).toEqual({ status: 'saved', opening: states[name].opening + 1, id: 'doc_2', baseRevision: 7, saved: edited, savedAt: 5 });
    expect(effects).toEqual([{ type: 'cancelWrite' }]);
  });

  it('without storage, a document is kept on screen only: the toolbar says not saved, and edits change nothing', () => {
    const { state } = nextSaveState(initialSaveState, {
      type: 'opened',
      id: 'unsaved',
      revision: 0,
      savedAt: 0,
      document: stored,
      stored: false,
    });
    expect(state.status).toBe('unkept');
    expect(shownStatus(state)).toBe('failed');
    expect(nextSaveState(state, edit(edited))).toEqual({ state, effects: [] });
    expect(isWriteDue(state, edited)).toBe(false);
    expect(hasUnsavedChanges(state, edited)).toBe(true);
  });

  it.each(every)('from %s, a document from a newer editor opens read-only, and letting a document go leaves nothing open', (name) => {
    expect(step(name, { type: 'openedReadOnly' })).toEqual({
      state: { status: 'readOnly', opening: states[name].opening + 1 },
      effects: [{ type: 'cancelWrite' }],
    });
    expect(step(name, { type: 'closed' })).toEqual({
      state: { status: 'loading', opening: states[name].opening + 1 },
      effects: [{ type: 'cancelWrite' }],
    });
  });

  it('the toolbar shows each state as it is; with nothing open it goes on showing the last document', () => {
    expect(Object.fromEntries(every.map((name) => [name, shownStatus(states[name])]))).toEqual({
      loading: null,
      readOnly: 'readOnly',
      unkept: 'failed',
      saved: 'saved',
      unsaved: 'unsaved',
      saving: 'saving',
      failed: 'failed',
      newer: 'conflict',
      deleted: 'conflict',
    });
  });
});

describe('save status: edits', () => {
  it('an edit of a saved document makes it unsaved and a write due', () => {
    expect(step('saved', edit(edited))).toEqual({ state: states.unsaved, effects: [{ type: 'scheduleWrite' }] });
    expect(step('unsaved', edit(editedAgain, edited))).toEqual({ state: states.unsaved, effects: [{ type: 'scheduleWrite' }] });
  });

  it('an edit back to what is stored (an undo) is saved again, and no write is due', () => {
    expect(step('unsaved', edit(stored, edited))).toEqual({ state: states.saved, effects: [{ type: 'cancelWrite' }] });
  });

  it('an edit while saving keeps saving and makes another write due; an undo meanwhile cancels it', () => {
    expect(step('saving', edit(edited))).toEqual({ state: states.saving, effects: [{ type: 'scheduleWrite' }] });
    expect(step('saving', edit(stored, edited))).toEqual({ state: states.saving, effects: [{ type: 'cancelWrite' }] });
  });

  it('an edit after a failed write stays failed until a write succeeds, and tries again', () => {
    expect(step('failed', edit(editedAgain, edited))).toEqual({ state: states.failed, effects: [{ type: 'scheduleWrite' }] });
    expect(isWriteDue(states.failed, editedAgain)).toBe(true);
  });

  it.each(['newer', 'deleted'] as const)(
    'in a %s conflict nothing is written; the first edit of this tab is told, later ones are not',
    (name) => {
      expect(step(name, edit(edited))).toEqual({ state: states[name], effects: [{ type: 'tellConflict' }] });
      expect(step(name, edit(editedAgain, edited))).toEqual({ state: states[name], effects: [] });
      expect(step(name, edit(stored, edited))).toEqual({ state: states[name], effects: [{ type: 'cancelWrite' }] });
      expect(isWriteDue(states[name], edited)).toBe(false);
    },
  );

  it.each(['loading', 'readOnly', 'unkept'] as const)('%s: an edit changes nothing and writes nothing', (name) => {
    expect(step(name, edit(edited))).toEqual({ state: states[name], effects: [] });
    expect(isWriteDue(states[name], edited)).toBe(false);
  });
});

describe('save status: writes', () => {
  it.each(['saved', 'unsaved', 'failed'] as const)('a write starts from %s', (name) => {
    expect(step(name, { type: 'writeStarted' }).state).toEqual(states.saving);
  });

  it.each(except('saved', 'unsaved', 'failed'))('no write starts from %s', (name) => {
    expect(step(name, { type: 'writeStarted' })).toEqual({ state: states[name], effects: [] });
  });

  it('a stored write is the new base; saved when nothing changed meanwhile, else unsaved with another write due', () => {
    const base = { ...kept, baseRevision: 4, saved: edited, savedAt: 2000 };
    expect(step('saving', written(edited))).toEqual({
      state: { ...base, status: 'saved' },
      effects: [{ type: 'announceWritten', revision: 4 }],
    });
    expect(step('saving', written(editedAgain))).toEqual({
      state: { ...base, status: 'unsaved' },
      effects: [{ type: 'announceWritten', revision: 4 }, { type: 'scheduleWrite' }],
    });
  });

  it('a write refused because the storage has a newer revision is a conflict: nothing more is written, and the user is told', () => {
    expect(step('saving', { type: 'writeRefused', opening: 1 })).toEqual({
      state: states.newer,
      effects: [{ type: 'cancelWrite' }, { type: 'tellConflict' }],
    });
  });

  it('a write that fails keeps the last good copy as the base and says so', () => {
    const error = new DOMException('Quota exceeded', 'QuotaExceededError');
    expect(step('saving', { type: 'writeFailed', opening: 1, error })).toEqual({
      state: states.failed,
      effects: [{ type: 'tellSaveFailed', error }],
    });
  });

  it('a conflict that came in during a write stays: a stored write only moves the base, a failed one is not told', () => {
    expect(step('newer', written(edited))).toEqual({
      state: { ...states.newer, baseRevision: 4, saved: edited, savedAt: 2000 },
      effects: [{ type: 'announceWritten', revision: 4 }],
    });
    expect(step('deleted', { type: 'writeFailed', opening: 1, error: new Error('gone') })).toEqual({ state: states.deleted, effects: [] });
    expect(step('deleted', { type: 'writeRefused', opening: 1 }).state).toEqual(states.newer);
  });

  it.each(every)('from %s, the outcome of a write started for a document shown before is ignored', (name) => {
    for (const event of [
      written(edited, 0),
      { type: 'writeRefused', opening: 0 },
      { type: 'writeFailed', opening: 0, error: new Error('x') },
    ] as SaveEvent[]) {
      expect(step(name, event)).toEqual({ state: states[name], effects: [] });
    }
  });
});

describe('save status: other tabs', () => {
  it.each(['saved', 'unsaved', 'saving', 'failed', 'deleted'] as const)(
    'from %s, another tab saving a newer revision is a conflict',
    (name) => {
      expect(step(name, { type: 'savedElsewhere', revision: 4 })).toEqual({
        state: { ...states.newer },
        effects: [{ type: 'cancelWrite' }, { type: 'tellConflict' }],
      });
    },
  );

  it('another tab saving the revision this tab is based on (or an older one) changes nothing', () => {
    expect(step('unsaved', { type: 'savedElsewhere', revision: 3 })).toEqual({ state: states.unsaved, effects: [] });
  });

  it.each(['saved', 'unsaved', 'saving', 'failed', 'newer'] as const)(
    'from %s, another tab deleting the document is a conflict',
    (name) => {
      expect(step(name, { type: 'deletedElsewhere' })).toEqual({
        state: states.deleted,
        effects: [{ type: 'cancelWrite' }, { type: 'tellConflict' }],
      });
    },
  );

  it.each(['loading', 'readOnly', 'unkept'] as const)('%s: what other tabs do is none of its business', (name) => {
    expect(step(name, { type: 'savedElsewhere', revision: 9 })).toEqual({ state: states[name], effects: [] });
    expect(step(name, { type: 'deletedElsewhere' })).toEqual({ state: states[name], effects: [] });
  });

  it('a delete undone in another tab, the document unchanged there, ends the conflict: saved, or a write due for this tab’s edits', () => {
    const restored = (current: ErdDocument): Extract<SaveEvent, { type: 'restoredElsewhere' }> => ({
      type: 'restoredElsewhere',
      opening: 1,
      revision: 3,
      current,
    });
    expect(step('deleted', restored(stored))).toEqual({ state: states.saved, effects: [{ type: 'clearConflict' }] });
    expect(step('deleted', restored(edited))).toEqual({
      state: states.unsaved,
      effects: [{ type: 'clearConflict' }, { type: 'scheduleWrite' }],
    });
    expect(step('deleted', { ...restored(stored), revision: 4 })).toEqual({ state: states.deleted, effects: [] });
    expect(step('deleted', { ...restored(stored), opening: 0 })).toEqual({ state: states.deleted, effects: [] });
    expect(step('newer', restored(stored))).toEqual({ state: states.newer, effects: [] });
  });
});

describe('save status: leaving the page', () => {
  it('edits are at risk when held back by a conflict, refused by the browser, kept nowhere, or not in the journal', () => {
    const atRisk = (journalHolds: boolean) =>
      Object.fromEntries(every.map((name) => [name, hasEditsAtRisk(states[name], edited, journalHolds)]));
    expect(atRisk(true)).toEqual({
      loading: false,
      readOnly: false,
      unkept: true,
      saved: false,
      unsaved: false,
      saving: false,
      failed: true,
      newer: true,
      deleted: true,
    });
    expect(atRisk(false)).toEqual({
      loading: false,
      readOnly: false,
      unkept: true,
      saved: true,
      unsaved: true,
      saving: true,
      failed: true,
      newer: true,
      deleted: true,
    });
  });

  it('nothing is at risk while the screen shows what is stored', () => {
    expect(every.some((name) => hasEditsAtRisk(states[name], stored, false))).toBe(false);
  });
});
