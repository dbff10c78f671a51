import { downloadText } from './downloadText.ts';

/** The File System Access API, where the browser has it (Chromium); typed here as TypeScript's DOM library leaves it out. */
interface FilePickerWindow {
  showOpenFilePicker?(options: object): Promise<{ getFile(): Promise<File> }[]>;
  showSaveFilePicker?(
    options: object,
  ): Promise<{ createWritable(): Promise<{ write(text: string): Promise<void>; close(): Promise<void> }> }>;
}

const pickerTypes = [{ description: 'ERD Proof project', accept: { 'application/json': ['.json'] } }];
const isCancel = (error: unknown) => (error as { name?: string } | null)?.name === 'AbortError';

/**
 * The largest project file the editor opens. Measured here (Chromium, 2 shared cores): a 500-table
 * file of 1.1 MB opens with its longest task near 0.4 s, 2.3 MB froze the tab 1–3.6 s and 4.6 MB 1.7 s
 * and more; past 2 MB the page would freeze, so the file is refused before it is parsed. The command
 * line (`erd ddl`, `erd prove`...) reads files of any size.
 */
export const largestOpenableFileBytes = 2 * 1024 * 1024;

/** Why a project file of `size` bytes (or characters) is not opened, or null when it can be. */
export function tooLargeToOpen(fileName: string, size: number): string | null {
  if (size <= largestOpenableFileBytes) return null;
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `it is ${megabytes(size)}, and the editor opens project files up to ${megabytes(largestOpenableFileBytes)} (about 900 tables) without freezing the page; the command line reads it (npx erd ddl ${fileName})`;
}

/** A file the user picked, read as text, or null when they cancelled. */
export interface PickedFile {
  name: string;
  text: string;
}

/** Asks for a project file: the browser's file picker where it exists (and works here), else a file input. */
export async function pickProjectFile(): Promise<PickedFile | null> {
  return pickTextFile('.json,application/json', pickerTypes);
}

/** Asks for a text file of the given kinds (`accept` as for a file input); null when the user cancelled. */
export async function pickTextFile(accept: string, types?: object[]): Promise<PickedFile | null> {
  const picker = (window as FilePickerWindow).showOpenFilePicker;
  if (picker && types) {
    try {
      const [handle] = await picker.call(window, { types, multiple: false });
      const file = await handle!.getFile();
      return { name: file.name, text: await file.text() };
    } catch (error) {
      if (isCancel(error)) return null;
      // Refused here (a sandboxed frame, a policy): the file input still works.
    }
  }
  const file = await new Promise<File | null>((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
  return file ? { name: file.name, text: await file.text() } : null;
}

/** Saves a project file where the user chooses (File System Access API), else as a download; false when cancelled. */
export async function saveProjectFile(fileName: string, text: string): Promise<boolean> {
  const picker = (window as FilePickerWindow).showSaveFilePicker;
  if (picker) {
    let handle;
    try {
      handle = await picker.call(window, { suggestedName: fileName, types: pickerTypes });
    } catch (error) {
      if (isCancel(error)) return false;
      // Refused here (a sandboxed frame, a policy): a download still works.
    }
    if (handle) {
      const writable = await handle.createWritable();
      await writable.write(text);
      await writable.close();
      return true;
    }
  }
  downloadText(fileName, text, 'application/json');
  return true;
}

/** The files in a drag, if it carries any (a dragged table or text does not). */
export function hasFiles(dataTransfer: DataTransfer | null): boolean {
  return Boolean(dataTransfer && Array.from(dataTransfer.types).includes('Files'));
}
