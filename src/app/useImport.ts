import { useCallback } from 'react';
import { oversizeError } from '../io/importSql.ts';
import type { EditorTasks } from '../panels/editorTasks.ts';
import { useEditorStore } from '../store/index.ts';
import { layoutNewSchema } from './arrangeTables.ts';
import { describeImport, importDocument, importFormatOf, type ImportFormat, type Importers } from '../io/importDocument.ts';
import { workKeeper } from '../keeping/keepingWork.ts';

/** DBML's parser is large: loaded on the first DBML import only. */
const importDbml: Importers['importDbml'] = async (text) => (await import('../io/dbmlImport.ts')).importDbml(text);

/** A name for the new document: the file's, without its extension. */
const documentNameOf = (fileName: string) => fileName.replace(/\.(sql|dbml|txt)$/i, '').trim() || 'Imported schema';

/**
 * Imports SQL or DBML as a new document (the open one is never touched), with a readable layout and
 * a notice saying what came in and what was skipped. On an error the import dialog opens with the
 * text and where it went wrong, so nothing pasted or dropped is lost. Resolves true when imported.
 */
export function useImport(importSql: EditorTasks['importSql']): EditorTasks['importText'] {
  return useCallback(
    async (fileName, text, { format = importFormatOf(fileName, text) as ImportFormat, isFromDialog = false } = {}) => {
      const store = useEditorStore.getState();
      // A dropped file never replaces a script left in the dialog: its failure is then a notice instead.
      const mayUseDraft = isFromDialog || store.importDraft.text.trim() === '';
      let outcome;
      try {
        outcome = await importDocument(text, format, { importSql, importDbml, layout: layoutNewSchema }, { fileName });
      } catch (error) {
        outcome = { ok: false as const, problem: { message: `The import could not run: ${(error as Error).message}` } };
      }
      if (!outcome.ok) {
        // A file too large to import is not put in the dialog's text box either: the message names it and says why.
        const isTooLarge = oversizeError(text) !== undefined;
        const problem =
          isTooLarge && fileName ? { ...outcome.problem, message: `${fileName}: ${outcome.problem.message}` } : outcome.problem;
        if (mayUseDraft) store.openImport(isTooLarge ? { fileName: '', text: '', problem } : { fileName, text, problem });
        else
          store.showNotice({
            id: 'import',
            tone: 'error',
            text: `${fileName || 'The script'} was not imported: ${problem.line ? `line ${problem.line}: ` : ''}${problem.message}`,
          });
        return false;
      }
      if (!(await workKeeper().create(documentNameOf(fileName), outcome.document))) return false;
      if (isFromDialog) store.openImport({ fileName: '', text: '', problem: null });
      store.closeDialog();
      store.showNotice({ id: 'import', tone: outcome.report.notes.length > 0 ? 'warning' : 'info', text: describeImport(outcome.report) });
      return true;
    },
    [importSql],
  );
}
