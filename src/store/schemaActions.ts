import type { StateCreator } from 'zustand';
import * as model from '../model/index.ts';
import type { Cardinality, Column, ColumnId, EndSide, EnumType, OneToOneStrategy, Position, Relationship, RelationshipId, Table, TableId } from '../model/index.ts';

/** Relationship fields edited directly, without re-deriving keys. */
export type RelationshipPatch = Partial<Pick<Relationship, 'onDelete' | 'onUpdate' | 'isDeferrable' | 'junction'>>;
/** The two ends and the one-to-one strategy chosen in the connect form. */
export interface ConnectOptions {
  from: Cardinality;
  to: Cardinality;
  oneToOne?: OneToOneStrategy;
  /** Existing child columns to hold the foreign key (a drag that started on a column). */
  foreignKeyColumnIds?: ColumnId[];
}
/** Table fields edited directly. */
export type TablePatch = Partial<Pick<Table, 'schemaName' | 'comment' | 'checks' | 'indexes'>>;
import type { EditorState } from './editorStore.ts';

/** Verbs the UI calls; each is one pure model edit applied in one store update. */
export interface SchemaActions {
  addTable(position: Position): TableId;
  renameTable(tableId: TableId, name: string): void;
  deleteTable(tableId: TableId): void;
  /** Adds a column at the end, or at `atIndex` (Enter in a column adds the next one below it). */
  addColumn(tableId: TableId, atIndex?: number): ColumnId;
  moveColumn(tableId: TableId, columnId: ColumnId, toIndex: number): void;
  updateColumn(tableId: TableId, columnId: ColumnId, patch: Partial<Omit<Column, 'id'>>): void;
  deleteColumn(tableId: TableId, columnId: ColumnId): void;
  /** Connects two tables as one undo step; without options, one-to-many from `fromTableId` (a drag). */
  connectTables(fromTableId: TableId, toTableId: TableId, options?: ConnectOptions): RelationshipId;
  /** Deletes the selected tables (with their relationships) or relationship, as one undo step. */
  deleteSelection(): void;
  /** Copies the selected tables and the relationships among them. */
  copySelection(): void;
  /** Pastes the copied tables a step down and right of the last paste, and selects them. */
  paste(): void;
  /** Copy and paste in one go. */
  duplicateSelection(): void;
  setEnd(relationshipId: RelationshipId, side: EndSide, cardinality: Cardinality): void;
  setOneToOneStrategy(relationshipId: RelationshipId, strategy: OneToOneStrategy): void;
  setKeyHolder(relationshipId: RelationshipId, side: EndSide): void;
  setForeignKeyColumns(relationshipId: RelationshipId, columnIds: ColumnId[]): void;
  renameRelationship(relationshipId: RelationshipId, name: string): void;
  deleteRelationship(relationshipId: RelationshipId): void;
  setIdentifying(relationshipId: RelationshipId, isIdentifying: boolean): void;
  updateRelationship(relationshipId: RelationshipId, patch: RelationshipPatch, mergeKey?: string): void;
  updateTableFields(tableId: TableId, patch: TablePatch, mergeKey?: string): void;
  setEnums(enums: EnumType[], mergeKey?: string): void;
}

/** How far each paste lands from the last, down and right. */
const pasteStep = 40;

/** Adds a copy of a fragment `offset` away as one undo step, and selects the copies. */
function placeCopy(get: () => EditorState, fragment: model.Fragment, offset: number): void {
  const { document } = get();
  const pasted = model.pasteFragment(document.schema, document.layout, fragment, { x: offset, y: offset });
  get().editSchema(() => pasted.schema, { capture: true }, Object.fromEntries(pasted.tableIds.map((id) => [id, pasted.layout[id]!])));
  get().selectTables(pasted.tableIds);
}

export const createSchemaActions: StateCreator<EditorState, [], [], SchemaActions> = (set, get) => ({
  addTable(position) {
    const added = model.addTable(get().document.schema);
    get().editSchema(() => added.schema, { capture: true }, { [added.tableId]: position });
    get().select({ kind: 'table', id: added.tableId });
    return added.tableId;
  },
  renameTable: (tableId, name) =>
    get().editSchema((s) => model.renameTable(s, tableId, name), { capture: true, mergeKey: `table-name:${tableId}` }),
  deleteTable(tableId) {
    get().editSchema((s) => model.deleteTable(s, tableId));
    get().select(null);
  },
  addColumn(tableId, atIndex) {
    const added = model.addColumn(get().document.schema, tableId, {}, atIndex);
    get().editSchema(() => added.schema);
    return added.columnId;
  },
  updateColumn(tableId, columnId, patch) {
    const isTyping = 'name' in patch || 'type' in patch || 'defaultValue' in patch || 'comment' in patch;
    const capture = isTyping ? { capture: true, mergeKey: `column:${columnId}:${Object.keys(patch).join()}` } : { capture: true };
    get().editSchema((s) => model.editColumn(s, tableId, columnId, patch), capture);
  },
  moveColumn: (tableId, columnId, toIndex) => get().editSchema((s) => model.moveColumn(s, tableId, columnId, toIndex)),
  deleteColumn: (tableId, columnId) => get().editSchema((s) => model.deleteColumn(s, tableId, columnId)),
  connectTables(fromTableId, toTableId, options) {
    let connected = model.connect(get().document.schema, fromTableId, toTableId, options && { from: options.from, to: options.to });
    if (options?.oneToOne && options.oneToOne !== 'foreignKeyUnique') {
      connected = { ...connected, schema: model.setOneToOneStrategy(connected.schema, connected.relationshipId, options.oneToOne) };
    }
    if (options?.foreignKeyColumnIds) {
      connected = { ...connected, schema: model.setForeignKeyColumns(connected.schema, connected.relationshipId, options.foreignKeyColumnIds) };
    }
    const { schema } = connected;
    get().editSchema(() => schema);
    get().select({ kind: 'relationship', id: connected.relationshipId });
    return connected.relationshipId;
  },
  deleteSelection() {
    const { selection, selectedTableIds } = get();
    if (selectedTableIds.length > 0) {
      get().editSchema((s) => selectedTableIds.reduce((schema, id) => model.deleteTable(schema, id), s));
      get().select(null);
    } else if (selection?.kind === 'relationship') get().deleteRelationship(selection.id);
  },
  copySelection() {
    const { selectedTableIds, document } = get();
    if (selectedTableIds.length > 0) set({ clipboard: { fragment: model.copyFragment(document.schema, document.layout, selectedTableIds), pastes: 0 } });
  },
  paste() {
    const { clipboard } = get();
    if (!clipboard) return;
    set({ clipboard: { ...clipboard, pastes: clipboard.pastes + 1 } });
    placeCopy(get, clipboard.fragment, pasteStep * (clipboard.pastes + 1));
  },
  duplicateSelection() {
    const { selectedTableIds, document } = get();
    if (selectedTableIds.length > 0) placeCopy(get, model.copyFragment(document.schema, document.layout, selectedTableIds), pasteStep);
  },
  setEnd: (relationshipId, side, cardinality) => get().editSchema((s) => model.setEnd(s, relationshipId, side, cardinality)),
  setOneToOneStrategy: (relationshipId, strategy) => get().editSchema((s) => model.setOneToOneStrategy(s, relationshipId, strategy)),
  setForeignKeyColumns: (relationshipId, columnIds) => get().editSchema((s) => model.setForeignKeyColumns(s, relationshipId, columnIds)),
  setKeyHolder: (relationshipId, side) => get().editSchema((s) => model.setKeyHolder(s, relationshipId, side)),
  renameRelationship: (relationshipId, name) =>
    get().editSchema((s) => model.updateRelationship(s, relationshipId, { name }), { capture: true, mergeKey: `rel-name:${relationshipId}` }),
  deleteRelationship(relationshipId) {
    get().editSchema((s) => model.deleteRelationship(s, relationshipId));
    get().select(null);
  },
  setIdentifying: (relationshipId, isIdentifying) => get().editSchema((s) => model.setIdentifying(s, relationshipId, isIdentifying)),
  updateRelationship: (relationshipId, patch, mergeKey) =>
    get().editSchema((s) => model.updateRelationship(s, relationshipId, patch), mergeKey ? { capture: true, mergeKey } : { capture: true }),
  updateTableFields: (tableId, patch, mergeKey) =>
    get().editSchema((s) => model.updateTableFields(s, tableId, patch), mergeKey ? { capture: true, mergeKey } : { capture: true }),
  setEnums: (enums, mergeKey) => get().editSchema((s) => ({ ...s, enums }), mergeKey ? { capture: true, mergeKey } : { capture: true }),
});
