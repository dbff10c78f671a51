import { useState } from 'react';
import { templates, type Template } from '../io/templates.ts';
import { Dialog, DialogHead } from './Dialog.tsx';
import { useEditorStore } from '../store/index.ts';
import { workKeeper } from '../keeping/keepingWork.ts';

/** New from a template: blank, or a classic one-to-one case with why its tables are split; each opens as a new document. */
export function TemplatePicker() {
  const close = useEditorStore((s) => s.closeDialog);
  const [busy, setBusy] = useState<string | null>(null);
  const choose = async (template: Template) => {
    setBusy(template.id);
    const created = await workKeeper().createFromTemplate(template);
    setBusy(null);
    if (created) close();
  };
  return (
    <Dialog label="New from a template" className="templates" onClose={close}>
      <DialogHead title="New from a template" about="Each opens as a new document; the one you have open stays as it is." onClose={close} />
      <div className="template-grid">
        {templates.map((template, i) => (
          <button
            key={template.id}
            type="button"
            className={`template-card${template.fileName ? '' : ' blank'}`}
            data-autofocus={i === 0 ? true : undefined}
            disabled={busy !== null}
            onClick={() => void choose(template)}
          >
            <strong>{template.title}</strong>
            <span>{template.why}</span>
            {busy === template.id && <span className="muted">Opening…</span>}
          </button>
        ))}
      </div>
    </Dialog>
  );
}
