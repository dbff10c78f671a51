import { useCallback, useState, type ComponentType, type FormEvent, type ReactNode } from 'react';
import type { TableId } from '../model/index.ts';
import { Dialog, DialogHead, FormDialogFoot } from './Dialog.tsx';
import { useEditorStore } from '../store/index.ts';
import type { ImageFormat, ImageRequest } from '../layout/imageFrame.ts';
import './exportImageDialog.css';

/** The theme the editor shows now: the image's default. */
const shownTheme = () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');

function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: { value: T; label: ReactNode; isDisabled?: boolean }[];
  onChange(value: T): void;
}) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value}>
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            disabled={o.isDisabled}
            onChange={() => onChange(o.value)}
          />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** What draws and saves the image (the canvas's `DrawImage`, given by the app: panels do not import the canvas). */
export type ImageDrawer = ComponentType<{
  request: ImageRequest;
  tableIds: readonly TableId[] | null;
  onDone(): void;
  onFail(reason: unknown): void;
}>;

/** Export PNG… / Export SVG…: what to draw (all or the selected tables), in which theme and format, then a download. */
export function ExportImageDialog({ format, drawImage: DrawImage }: { format: ImageFormat; drawImage: ImageDrawer }) {
  const close = useEditorStore((s) => s.closeDialog);
  const selectedCount = useEditorStore((s) => s.selectedTableIds.length);
  const noteCount = useEditorStore((s) => s.document.notes?.length ?? 0);
  const [request, setRequest] = useState<ImageRequest>(() => ({ format, theme: shownTheme(), scope: 'diagram', withNotes: true }));
  const [tableIds, setTableIds] = useState<readonly TableId[] | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const isExporting = tableIds !== undefined;
  const change = (patch: Partial<ImageRequest>) => setRequest((r) => ({ ...r, ...patch }));

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setTableIds(request.scope === 'selection' ? useEditorStore.getState().selectedTableIds : null);
  };
  const fail = useCallback((reason: unknown) => {
    setError(`Could not make the image: ${reason instanceof Error ? reason.message : String(reason)}.`);
    setTableIds(undefined);
  }, []);
  const done = useCallback(() => close(), [close]);

  return (
    <Dialog label="Export an image" className="export-image" onClose={() => close()}>
      <form onSubmit={handleSubmit}>
        <DialogHead
          title="Export an image"
          about="Tables drawn in full with their crow's feet and relationship names; proof and problem badges are left out."
        />
        <fieldset className="export-image-fields" disabled={isExporting}>
          <Choice
            legend="What"
            name="export-scope"
            value={request.scope}
            onChange={(scope) => change({ scope })}
            options={[
              { value: 'diagram', label: 'The whole diagram' },
              {
                value: 'selection',
                label: selectedCount ? `The selected tables (${selectedCount})` : 'The selected tables (none selected)',
                isDisabled: selectedCount === 0,
              },
            ]}
          />
          <Choice
            legend="Theme"
            name="export-theme"
            value={request.theme}
            onChange={(theme) => change({ theme })}
            options={[
              { value: 'light', label: 'Light' },
              { value: 'dark', label: 'Dark' },
            ]}
          />
          <Choice
            legend="Format"
            name="export-format"
            value={request.format}
            onChange={(f) => change({ format: f })}
            options={[
              { value: 'png', label: 'PNG (twice the screen size, sharp on any screen)' },
              { value: 'svg', label: 'SVG (sharp at any size, for web pages and READMEs; drawing programs may not read its HTML text)' },
            ]}
          />
          <label className="export-notes">
            <input
              type="checkbox"
              checked={request.withNotes && request.scope === 'diagram' && noteCount > 0}
              disabled={request.scope !== 'diagram' || noteCount === 0}
              onChange={(e) => change({ withNotes: e.target.checked })}
            />{' '}
            Include the sticky notes
            {noteCount === 0 ? ' (none)' : ''}
          </label>
          {error && (
            <p className="reason bad" role="alert">
              {error}
            </p>
          )}
        </fieldset>
        <FormDialogFoot onCancel={() => close()}>
          <button type="submit" className="primary" data-autofocus disabled={isExporting}>
            {isExporting ? 'Exporting…' : `Export ${request.format.toUpperCase()}`}
          </button>
        </FormDialogFoot>
      </form>
      {isExporting && <DrawImage request={request} tableIds={tableIds} onDone={done} onFail={fail} />}
    </Dialog>
  );
}
