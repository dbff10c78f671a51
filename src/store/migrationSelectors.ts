import { diffWithConfirmedRenames, type Migration } from '../migrate/index.ts';
import { memoize, type Schema, type Version } from '../model/index.ts';
import type { EditorState } from './editorStore.ts';
import type { RenameAnswer } from './migrationSlice.ts';
import { selectDefaultBaseVersion, selectVersions } from './versionSelectors.ts';

const noAnswers: Readonly<Record<string, RenameAnswer>> = {};
const noKeys: readonly string[] = [];

/** The version the Migration tab starts from: the one picked if it still exists, else the default (newest marked, else newest). */
export const selectMigrationBase = (s: EditorState): Version | null =>
  (s.migrationBaseId && selectVersions(s).find((v) => v.id === s.migrationBaseId)) || selectDefaultBaseVersion(s);

/** The answers to proposed renames against the current base (the same object until one changes). */
export const selectRenameAnswers = (s: EditorState): Readonly<Record<string, RenameAnswer>> => {
  const base = selectMigrationBase(s);
  return (base && s.renameAnswers[base.id]) || noAnswers;
};

/** The confirmed proposals' keys, the same array for the same answers (so the migration below is not recomputed). */
export const confirmedKeysOf = memoize((answers: Readonly<Record<string, RenameAnswer>>): readonly string[] => {
  const keys = Object.keys(answers).filter((k) => answers[k] === 'confirmed');
  return keys.length > 0 ? keys : noKeys;
});

/**
 * The migration from a base version's schema to `schema` with the confirmed renames, once per schema
 * object: the Migration tab passes a deferred schema, so typing paints before the diff runs again.
 */
export const migrationOf: (schema: Schema, base: Schema, confirmedKeys: readonly string[]) => Migration = memoize(
  (schema: Schema, base: Schema, confirmedKeys: readonly string[]) => diffWithConfirmedRenames(base, schema, confirmedKeys),
);
