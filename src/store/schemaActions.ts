import type { StateCreator } from 'zustand';
import * as model from '../model/index.ts';
import type {
  Cardinality,
  Column,
  ColumnId,
  EndSide,
  EnumType,
  OneToOneStrategy,
  Position,
  Relationship,
  RelationshipId,
  Table,
  TableId,
} from '../model/index.ts';
import { schemaUpdate } from './documentSlice.ts';
import { recordOrMerge, type UndoPolicy } from './history.ts';
import { selectOnly } from './selectionSlice.ts';
import type { EditorState } from './editorStore.ts';

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

/** Verbs the UI calls; each is one pure model edit applied in one store update, with its undo policy declared beside it. */
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

/** Typing in one of a column's text fields merges into one step; a checkbox or a type chosen from a list is a step of its own. */
function columnEditPolicy(columnId: ColumnId, patch: Partial<Omit<Column, 'id'>>): UndoPolicy {
  const isTyping = 'name' in patch || 'type' in patch || 'defaultValue' in patch || 'comment' in patch;
  return isTyping ? { mergeKey: `column:${columnId}:${Object.keys(patch).join()}` } : 'record';
}

export const createSchemaActions: StateCreator<EditorState, [], [], SchemaActions> = (set, get) => {
  /** Applies an edit that also selects (a new table or relationship, nothing after a delete) in the same update. */
  const editAndSelect = (schema: model.Schema, selection: EditorState['selection']) => {
    const update = schemaUpdate(get(), schema, 'record', {}, selectOnly(selection));
    if (update) set(update);
  };
  const deleteTables = (tableIds: readonly TableId[]) =>
    editAndSelect(
      tableIds.reduce((schema, id) => model.deleteTable(schema, id), get().document.schema),
      null,
    );

  return {
    addTable(position) {
      const added = model.addTable(get().document.schema);
      const update = schemaUpdate(
        get(),
        added.schema,
        'record',
        { [added.tableId]: position },
        selectOnly({ kind: 'table', id: added.tableId }),
      );
      if (update) set(update);
      return added.tableId;
    },
    renameTable: (tableId, name) => get().editSchema((s) => model.renameTable(s, tableId, name), { mergeKey: `table-name:${tableId}` }),
    deleteTable: (tableId) => deleteTables([tableId]),
    addColumn(tableId, atIndex) {
      const added = model.addColumn(get().document.schema, tableId, {}, atIndex);
      get().editSchema(() => added.schema, 'record');
      return added.columnId;
    },
    updateColumn: (tableId, columnId, patch) =>
      get().editSchema((s) => model.editColumn(s, tableId, columnId, patch), columnEditPolicy(columnId, patch)),
    moveColumn: (tableId, columnId, toIndex) => get().editSchema((s) => model.moveColumn(s, tableId, columnId, toIndex), 'record'),
    deleteColumn: (tableId, columnId) => get().editSchema((s) => model.deleteColumn(s, tableId, columnId), 'record'),
    connectTables(fromTableId, toTableId, options) {
      let connected = model.connect(get().document.schema, fromTableId, toTableId, options && { from: options.from, to: options.to });
      if (options?.oneToOne && options.oneToOne !== 'foreignKeyUnique') {
        connected = { ...connected, schema: model.setOneToOneStrategy(connected.schema, connected.relationshipId, options.oneToOne) };
      }
      if (options?.foreignKeyColumnIds) {
        connected = {
          ...connected,
          schema: model.setForeignKeyColumns(connected.schema, connected.relationshipId, options.foreignKeyColumnIds),
        };
      }
      editAndSelect(connected.schema, { kind: 'relationship', id: connected.relationshipId });
      return connected.relationshipId;
    },
    deleteSelection() {
      const { selection, selectedTableIds } = get();
      if (selectedTableIds.length > 0) deleteTables(selectedTableIds);
      else if (selection?.kind === 'relationship') get().deleteRelationship(selection.id);
    },
    setEnd: (relationshipId, side, cardinality) => get().editSchema((s) => model.setEnd(s, relationshipId, side, cardinality), 'record'),
    setOneToOneStrategy: (relationshipId, strategy) =>
      get().editSchema((s) => model.setOneToOneStrategy(s, relationshipId, strategy), 'record'),
    setForeignKeyColumns: (relationshipId, columnIds) =>
      get().editSchema((s) => model.setForeignKeyColumns(s, relationshipId, columnIds), 'record'),
    setKeyHolder: (relationshipId, side) => get().editSchema((s) => model.setKeyHolder(s, relationshipId, side), 'record'),
    renameRelationship: (relationshipId, name) =>
      get().editSchema((s) => model.updateRelationship(s, relationshipId, { name }), { mergeKey: `rel-name:${relationshipId}` }),
    deleteRelationship: (relationshipId) => editAndSelect(model.deleteRelationship(get().document.schema, relationshipId), null),
    setIdentifying: (relationshipId, isIdentifying) =>
      get().editSchema((s) => model.setIdentifying(s, relationshipId, isIdentifying), 'record'),
    updateRelationship: (relationshipId, patch, mergeKey) =>
      get().editSchema((s) => model.updateRelationship(s, relationshipId, patch), recordOrMerge(mergeKey)),
    updateTableFields: (tableId, patch, mergeKey) =>
      get().editSchema((s) => model.updateTableFields(s, tableId, patch), recordOrMerge(mergeKey)),
    setEnums: (enums, mergeKey) => get().editSchema((s) => ({ ...s, enums }), recordOrMerge(mergeKey)),
  };
};
