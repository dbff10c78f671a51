import { defaultBaseVersion, memoize, versionsNewestFirst, type Version } from '../model/index.ts';
import type { EditorState } from './editorStore.ts';

const none: readonly Version[] = [];
const newestFirstOf = memoize((versions: readonly Version[]) => versionsNewestFirst(versions));
const baseOf = memoize((versions: readonly Version[]) => defaultBaseVersion(versions) ?? null);

/** The document's named versions, newest first (the same array until they change, so lists re-render only then). */
export const selectVersions = (s: EditorState): readonly Version[] => newestFirstOf(s.document.versions ?? none);

/** The version a migration starts from unless the user picks another: the newest marked one, else the newest; null when there are none. */
export const selectDefaultBaseVersion = (s: EditorState): Version | null => baseOf(s.document.versions ?? none);
