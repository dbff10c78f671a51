import { useRef, useState } from 'react';
import { Dialog, DialogHead } from './Dialog.tsx';
import { useEditorStore } from '../store/index.ts';
import { importFormatOf, type ImportFormat, type ImportProblem } from '../io/importDocument.ts';
import { pickTextFile } from '../keeping/projectFiles.ts';
import { useEditorTasks } from './editorTasks.ts';

/** Import SQL (a pg_dump, migrations, CREATE TABLE scripts) or DBML as a new document; the text stays in the store, so closing never loses it. */
export function ImportDialog() {
  const draft = useEditorStore((s) => s.importDraft);
  const editDraft = useEditorStore((s) => s.editImportDraft);
  const close = useEditorStore((s) => s.closeDialog);
  const runImport = useEditorTasks().importText;
  const [isBusy, setBusy] = useState(false);
  const [chosenFormat, setChosenFormat] = useState<ImportFormat | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const format = chosenFormat ?? importFormatOf(draft.fileName, draft.text);

  const submit = async () => {
    setBusy(true);
    await runImport(draft.fileName, draft.text, { format, isFromDialog: true });
    setBusy(false);
  };
  const chooseFile = async () => {
    const picked = await pickTextFile('.sql,.dbml,.txt,text/plain');
    if (picked) {
      setChosenFormat(null);
      editDraft({ fileName: picked.name, text: picked.text, problem: null });
    }
  };
  const showLine = (line: number) => {
    const area = text.current;
    if (!area) return;
    const start =
      draft.text
        .split('\n')
        .slice(0, line - 1)
        .join('\n').length + (line > 1 ? 1 : 0);
    const end = draft.text.indexOf('\n', start);
    area.focus();
    area.setSelectionRange(start, end === -1 ? draft.text.length : end);
    const lineHeight = parseFloat(getComputedStyle(area).lineHeight) || 18;
    area.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  return (
    <Dialog label="Import SQL or DBML" className="import-dialog" onClose={close}>
      <DialogHead
        title="Import SQL or DBML"
        about="A pg_dump, migration files or CREATE TABLE statements, read by PostgreSQL itself; or DBML. It opens as a new document; the one you have open stays as it is."
        onClose={close}
      />
      <div className="import-tools">
        <button type="button" onClick={() => void chooseFile()} disabled={isBusy}>
          Choose a file…
        </button>
        {draft.fileName && <span className="muted import-file">{draft.fileName}</span>}
        <label className="import-format">
          Read as{' '}
          <select value={format} onChange={(e) => setChosenFormat(e.target.value as ImportFormat)} disabled={isBusy}>
            <option value="sql">SQL (PostgreSQL)</option>
            <option value="dbml">DBML</option>
          </select>
        </label>
      </div>
      <textarea
        ref={text}
        className="import-text"
        aria-label="Script to import"
        data-autofocus
        spellCheck={false}
        placeholder={'CREATE TABLE author (\n  id integer PRIMARY KEY,\n  name text NOT NULL\n);'}
        value={draft.text}
        onChange={(e) => editDraft({ text: e.target.value, problem: null })}
        readOnly={isBusy}
      />
      {draft.problem && <ProblemReport problem={draft.problem} onShowLine={showLine} />}
      <footer className="dialog-foot">
        {isBusy && <span className="muted">{format === 'sql' ? 'PostgreSQL is reading the script…' : 'Reading the DBML…'}</span>}
        <button type="button" onClick={close}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void submit()} disabled={isBusy || draft.text.trim() === ''}>
          Import as a new document
        </button>
      </footer>
    </Dialog>
  );
}

/** Why the import stopped, where (a button selects that line), the statement and PostgreSQL's detail and hint. */
function ProblemReport({ problem, onShowLine }: { problem: ImportProblem; onShowLine(line: number): void }) {
  const where = problem.line ? `Line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}` : null;
  return (
    <div className="import-problem" role="alert">
      <p>
        <strong>Not imported.</strong>{' '}
        {where && (
          <button type="button" className="link" onClick={() => onShowLine(problem.line!)}>
            {where}
          </button>
        )}
        {where && ': '}
        {problem.message}
      </p>
      {problem.statement && (
        <pre className="import-statement">{problem.statement.length > 600 ? `${problem.statement.slice(0, 600)}…` : problem.statement}</pre>
      )}
      {problem.detail && <p className="muted">Detail: {problem.detail}</p>}
      {problem.hint && <p className="muted">Hint: {problem.hint}</p>}
      <p className="muted">Nothing was changed: fix the script here and import again.</p>
    </div>
  );
}
