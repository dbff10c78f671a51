import { useState, type FormEvent } from 'react';
import { cardinalityOf, singular, type EndKind, type OneToOneStrategy, type TableId } from '../model/index.ts';
import { selectSchema, useEditorStore } from '../store/index.ts';
import { Dialog, DialogHead, FormDialogFoot } from './Dialog.tsx';
import { EndSelect } from './EndSelect.tsx';

/** The keyboard way to draw a relationship: both tables, both ends and the one-to-one strategy, created as one undo step. */
export function ConnectDialog() {
  const schema = useEditorStore(selectSchema);
  const selection = useEditorStore((s) => s.selection);
  const close = useEditorStore((s) => s.closeDialog);
  const connectTables = useEditorStore((s) => s.connectTables);
  const tables = schema.tables;
  const [fromId, setFromId] = useState<TableId | undefined>(() => (selection?.kind === 'table' ? selection.id : tables[0]?.id));
  const [toId, setToId] = useState<TableId | undefined>(() => tables.find((t) => t.id !== fromId)?.id ?? fromId);
  const [toEnd, setToEnd] = useState<EndKind>('zeroOrMany');
  const [fromEnd, setFromEnd] = useState<EndKind>('exactlyOne');
  const [strategy, setStrategy] = useState<OneToOneStrategy>('foreignKeyUnique');
  const isOneToOne = cardinalityOf(toEnd).max === 1 && cardinalityOf(fromEnd).max === 1;

  // Tables can vanish while the form is open (undo): connect only tables that still exist.
  const from = tables.find((t) => t.id === fromId) ?? tables[0];
  const to = tables.find((t) => t.id === toId) ?? tables[0];
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    close();
    if (from && to)
      connectTables(from.id, to.id, {
        from: cardinalityOf(fromEnd),
        to: cardinalityOf(toEnd),
        ...(isOneToOne ? { oneToOne: strategy } : {}),
      });
  };
  const tableSelect = (label: string, value: TableId | undefined, onChange: (id: TableId) => void, name: string, autofocus = false) => (
    <label className="field">
      <span>{label}</span>
      <select
        name={name}
        value={value}
        onChange={(e) => onChange(e.target.value as TableId)}
        {...(autofocus ? { 'data-autofocus': true } : {})}
      >
        {tables.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <Dialog label="Connect two tables" className="connect" onClose={() => close()}>
      <form onSubmit={handleSubmit}>
        <DialogHead
          title="Connect two tables"
          about={'The foreign key goes on the "many" (or dependent) side, named after the other table.'}
        />
        <div className="connect-fields">
          {tableSelect('From table', from?.id, setFromId, 'from-table', true)}
          {tableSelect('To table', to?.id, setToId, 'to-table')}
          <EndSelect
            name="to-end"
            label={
              <>
                Each <b>{singular(from?.name ?? '?')}</b> has… <b>{to?.name ?? '?'}</b>
              </>
            }
            value={toEnd}
            onChange={setToEnd}
          />
          <EndSelect
            name="from-end"
            label={
              <>
                Each <b>{singular(to?.name ?? '?')}</b> belongs to… <b>{from?.name ?? '?'}</b>
              </>
            }
            value={fromEnd}
            onChange={setFromEnd}
          />
          {isOneToOne && (
            <fieldset className="field">
              <legend>One-to-one implemented as</legend>
              <label>
                <input
                  type="radio"
                  name="connect-strategy"
                  checked={strategy === 'foreignKeyUnique'}
                  onChange={() => setStrategy('foreignKeyUnique')}
                />{' '}
                foreign key + UNIQUE
              </label>
              <label>
                <input
                  type="radio"
                  name="connect-strategy"
                  checked={strategy === 'sharedPrimaryKey'}
                  onChange={() => setStrategy('sharedPrimaryKey')}
                />{' '}
                shared primary key
              </label>
            </fieldset>
          )}
        </div>
        <FormDialogFoot onCancel={() => close()}>
          <button type="submit" className="primary" disabled={!from || !to}>
            Connect
          </button>
        </FormDialogFoot>
      </form>
    </Dialog>
  );
}
