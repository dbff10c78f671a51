import { useMemo, useState } from 'react';
import { CopyButton } from './CopyButton.tsx';
import { Dialog, DialogHead } from './Dialog.tsx';
import { downloadText } from '../keeping/downloadText.ts';
import { selectFormattedDdl, useEditorStore } from '../store/index.ts';
import { exportedText, exportFileName, textFormats, type TextFormat } from '../io/exportText.ts';

/** Export as SQL, DBML or Mermaid: the text to read, copy or download. */
export function ExportTextDialog() {
  const close = useEditorStore((s) => s.closeDialog);
  const documentName = useEditorStore((s) => s.documentName);
  const schema = useEditorStore((s) => s.document.schema);
  const ddl = useEditorStore(selectFormattedDdl);
  const [format, setFormat] = useState<TextFormat>('mermaid');
  const text = useMemo(() => exportedText(format, schema, ddl), [format, schema, ddl]);
  const fileName = exportFileName(documentName, format);
  return (
    <Dialog label="Export as text" className="export-text" onClose={close}>
      <DialogHead title="Export as text" about={textFormats[format].about} onClose={close} />
      <div className="export-formats" role="radiogroup" aria-label="Format">
        {(Object.keys(textFormats) as TextFormat[]).map((f) => (
          <label key={f} className={f === format ? 'chosen' : ''}>
            <input
              type="radio"
              name="export-format"
              value={f}
              checked={f === format}
              onChange={() => setFormat(f)}
              data-autofocus={f === format ? true : undefined}
            />
            {textFormats[f].label}
          </label>
        ))}
      </div>
      <pre className="export-text-body" aria-label={`${textFormats[format].label} text`} tabIndex={0}>
        {text}
      </pre>
      <footer className="dialog-foot">
        <span className="muted">{fileName}</span>
        <CopyButton text={text} />
        <button type="button" className="primary" onClick={() => downloadText(fileName, text, textFormats[format].type)}>
          Download
        </button>
      </footer>
    </Dialog>
  );
}
