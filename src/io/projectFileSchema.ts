import { z } from 'zod';
import {
  maxNoteLength,
  maxVersionNameLength,
  referentialActions,
  sqlObjectKinds,
  versionKinds,
  versionName,
  type CheckConstraint,
  type Column,
  type ColumnId,
  type EnumType,
  type GeneratedColumn,
  type IdentityOptions,
  type Note,
  type NoteId,
  type Position,
  type Relationship,
  type RelationshipEnd,
  type RelationshipId,
  type Schema,
  type SqlObject,
  type Table,
  type TableId,
  type TableIndex,
  type Version,
  type VersionId,
} from '../model/index.ts';
import { latestProjectFileVersion } from './projectFileMigrations.ts';
import type { ShapeOf } from './zodShape.ts';

const id = z.string().min(1).max(200);
/** An id of one kind: the file holds plain strings, the model tells its kinds of ids apart. */
const idOf = <T extends string>() => id.transform((value) => value as T);
const tableId = idOf<TableId>();
const columnId = idOf<ColumnId>();
const position = z.object({ x: z.number().finite(), y: z.number().finite() } satisfies ShapeOf<Position>);

const columnSchema = z.object({
  id: columnId,
  name: z.string(),
  type: z.string(),
  isPrimaryKey: z.boolean(),
  isNotNull: z.boolean(),
  isUnique: z.boolean(),
  defaultValue: z.string().nullable(),
  identity: z.enum(['always', 'byDefault']).nullable().default(null),
  comment: z.string().default(''),
  uniqueConstraintName: z.string().optional(),
  generated: z.object({ expression: z.string(), kind: z.enum(['stored', 'virtual']) } satisfies ShapeOf<GeneratedColumn>).optional(),
  identityOptions: z
    .object({
      start: z.string().optional(),
      increment: z.string().optional(),
      minValue: z.string().optional(),
      maxValue: z.string().optional(),
      cache: z.string().optional(),
      cycle: z.boolean().optional(),
    } satisfies ShapeOf<IdentityOptions>)
    .optional(),
  collation: z.string().min(1).optional(),
  collationSchema: z.string().min(1).optional(),
} satisfies ShapeOf<Column>);

const tableSchema = z.object({
  id: tableId,
  name: z.string(),
  schemaName: z.string().default('public'),
  comment: z.string().default(''),
  columns: z.array(columnSchema),
  checks: z.array(z.object({ id, name: z.string(), expression: z.string() } satisfies ShapeOf<CheckConstraint>)).default([]),
  indexes: z
    .array(
      z.object({
        id,
        name: z.string(),
        columnIds: z.array(columnId).min(1),
        isUnique: z.boolean(),
        isConstraint: z.boolean().optional(),
      } satisfies ShapeOf<TableIndex>),
    )
    .default([]),
  primaryKeyName: z.string().optional(),
  primaryKeyColumnIds: z.array(columnId).optional(),
} satisfies ShapeOf<Table>);

const end = z.object({
  tableId,
  min: z.union([z.literal(0), z.literal(1)]),
  max: z.union([z.literal(1), z.literal('many')]),
} satisfies ShapeOf<RelationshipEnd>);
const action = z.enum(referentialActions);

const relationshipSchema = z.object({
  id: idOf<RelationshipId>(),
  name: z.string(),
  from: end,
  to: end,
  keyHolder: z.enum(['from', 'to']),
  oneToOne: z.enum(['foreignKeyUnique', 'sharedPrimaryKey']),
  foreignKeyColumnIds: z.array(columnId),
  referencedColumnIds: z.array(columnId).min(1).optional(),
  constraintName: z.string().optional(),
  uniqueConstraintName: z.string().optional(),
  onDelete: action,
  onUpdate: action,
  isDeferrable: z.boolean().default(false),
  isNotValid: z.boolean().optional(),
  junction: z.object({ name: z.string(), columns: z.array(columnSchema) }).default({ name: '', columns: [] }),
} satisfies ShapeOf<Relationship>);

const schemaSchema = z.object({
  tables: z.array(tableSchema),
  relationships: z.array(relationshipSchema),
  enums: z
    .array(
      z.object({ id, name: z.string(), schemaName: z.string().default('public'), values: z.array(z.string()) } satisfies ShapeOf<EnumType>),
    )
    .default([]),
  sqlObjects: z
    .array(
      z.object({
        id,
        kind: z.enum(sqlObjectKinds),
        name: z.string(),
        sql: z.string(),
        standIn: z.string().optional(),
      } satisfies ShapeOf<SqlObject>),
    )
    .optional(),
} satisfies ShapeOf<Schema>);

const noteSchema = z.object({
  id: z
    .string()
    .regex(/^note_/, 'a note id starts with note_')
    .transform((value) => value as NoteId),
  text: z.string().max(maxNoteLength),
  position,
} satisfies ShapeOf<Note>);

const versionSchema = z.object({
  id: z
    .string()
    .max(200)
    .regex(/^ver_/, 'a version id starts with ver_')
    .transform((value) => value as VersionId),
  name: z
    .string()
    .max(maxVersionNameLength * 2)
    .refine((name) => versionName(name) === name, `a version name is one line of 1 to ${maxVersionNameLength} characters, trimmed`),
  createdAt: z.iso.datetime(),
  kind: z.enum(versionKinds),
  schema: schemaSchema,
} satisfies ShapeOf<Version>);

/**
 * A project file in the format this editor writes, as zod validates it: the model's own types come
 * out (no cast), the layout by table id, notes defaulting to none, versions
 * each with a whole schema validated like the main one. Older versions are migrated to it first.
 */
export const projectFileSchema = z.object({
  format: z.literal('erd-proof'),
  version: z.literal(latestProjectFileVersion),
  schema: schemaSchema,
  layout: z.record(z.string(), position),
  notes: z.array(noteSchema).default([]),
  /** Absent when the document keeps no versions. */
  versions: z.array(versionSchema).optional(),
});
