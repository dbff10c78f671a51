import * as Y from 'yjs';
import { checkInvariants, hasControlCharacter, type ErdDocument } from '../model/index.ts';
import { projectFileSchema } from '../io/projectFileSchema.ts';
import { readRawDocument, readRawDocumentChange } from './readDocument.ts';
import { repairDocument } from './repairDocument.ts';
import { completeDocument } from './completeDocument.ts';
import { structureProblem } from './structureChecks.ts';
import { isStillWhole } from './changedScope.ts';
import { touchedParts, type TouchedParts } from './touchedParts.ts';

/** The verdict on one update a peer sent: applied, or refused with a reason for the server's log. */
export type UpdateVerdict = { ok: true } | { ok: false; reason: string };

/** How big a room's document may grow: generous for real schemas, small enough that no peer is swamped. */
export interface DocumentLimits {
  maxUpdateBytes: number;
  /** Longest text in any field (a kept function's SQL is the longest real one). */
  maxTextLength: number;
  /** Longest name (PostgreSQL keeps 63 bytes; the editor lets longer ones be typed and says so). */
  maxNameLength: number;
  maxTables: number;
  maxColumnsPerTable: number;
}

/** Limits that fit the largest corpus schema many times over. */
export const defaultDocumentLimits: DocumentLimits = {
  maxUpdateBytes: 4 * 1024 * 1024,
  maxTextLength: 1024 * 1024,
  maxNameLength: 1000,
  maxTables: 10_000,
  maxColumnsPerTable: 1600,
};

const file = projectFileSchema.shape;
const zodOf = {
  tables: file.schema.shape.tables.element,
  relationships: file.schema.shape.relationships.element,
  enums: file.schema.shape.enums.unwrap().element,
  sqlObjects: file.schema.shape.sqlObjects.unwrap().element,
  notes: file.notes.unwrap().element,
  versions: file.versions.unwrap().element,
};

/**
 * A copy of each room the server checks updates on, kept between updates (copying a 500-table room
 * per keystroke would cost more than the check) with the document it holds: brought up to date
 * from the room before each check, dropped after a refusal.
 */
const shadows = new WeakMap<Y.Doc, Shadow>();

/** A room's copy, the document it holds as stored (completed as peers read it: completeDocument), and whether that document's schema needs no repair (so a change is checked only where it lands). */
interface Shadow {
  copy: Y.Doc;
  raw: ErdDocument;
  isWhole: boolean;
}

/**
 * Whether a peer's update may reach a room: it must decode, keep the Y.Doc in this format (known
 * top-level parts, entities as maps of known fields), and leave a document the project file's
 * schema accepts, within size limits, with names free of control characters (markup in a name is
 * only text: React escapes it) and ids unique, whose repair holds the model's invariants. Only the
 * parts the update touched are checked, so a keystroke in a 500-table room costs little.
 */
export function checkRemoteUpdate(current: Y.Doc, update: Uint8Array, limits: DocumentLimits = defaultDocumentLimits): UpdateVerdict {
  try {
    return check(current, update, limits);
  } catch (error) {
    // A check that throws (a room damaged before a check existed) refuses: the copy is made again next time.
    shadows.delete(current);
    return { ok: false, reason: `the update could not be checked (${(error as Error).message.slice(0, 80)})` };
  }
}

function check(current: Y.Doc, update: Uint8Array, limits: DocumentLimits): UpdateVerdict {
  if (update.byteLength > limits.maxUpdateBytes)
    return { ok: false, reason: `update of ${update.byteLength} bytes is over ${limits.maxUpdateBytes}` };
  const shadow = shadowOf(current);
  let changed: Y.Transaction['changed'] | undefined;
  const listen = (transaction: Y.Transaction) => (changed = transaction.changed);
  shadow.copy.on('afterTransaction', listen);
  try {
    Y.applyUpdate(shadow.copy, update);
  } catch (error) {
    shadows.delete(current);
    return { ok: false, reason: `not a Yjs update (${(error as Error).message.slice(0, 80)})` };
  } finally {
    shadow.copy.off('afterTransaction', listen);
  }
  const verdict = changed ? checkChange(shadow, changed, limits) : ({ ok: true } as const);
  if (!verdict.ok) shadows.delete(current);
  return verdict;
}

/** The room's copy, made on first use and brought up to date with what the room took since (other instances, the store, deletions). */
function shadowOf(current: Y.Doc): Shadow {
  const known = shadows.get(current);
  if (known && !isAhead(known.copy, current)) {
    let changed: Y.Transaction['changed'] | undefined;
    const listen = (transaction: Y.Transaction) => (changed = transaction.changed);
    known.copy.on('afterTransaction', listen);
    Y.applyUpdate(known.copy, Y.encodeStateAsUpdate(current, Y.encodeStateVector(known.copy)));
    known.copy.off('afterTransaction', listen);
    if (changed) {
      const raw = completeDocument(readRawDocumentChange(known.copy, known.raw, changed));
      known.isWhole = known.isWhole && isStillWhole(known.raw.schema, raw.schema) ? true : needsNoRepair(raw);
      known.raw = raw;
    }
    return known;
  }
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
  const raw = completeDocument(readRawDocument(copy));
  const made = { copy, raw, isWhole: needsNoRepair(raw) };
  shadows.set(current, made);
  return made;
}

/** Whether a stored document holds the model's invariants as it is; false for one too damaged to repair (stored before the checks existed), so the next change is checked whole. */
function needsNoRepair(raw: ErdDocument): boolean {
  try {
    return repairDocument(raw).document.schema === raw.schema;
  } catch {
    return false;
  }
}

/** The copy holds something the room does not (an update checked and then not applied): it is made again. */
function isAhead(copy: Y.Doc, room: Y.Doc): boolean {
  const roomClocks = Y.decodeStateVector(Y.encodeStateVector(room));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(copy))) if (clock > (roomClocks.get(client) ?? 0)) return true;
  return false;
}

function checkChange(shadow: Shadow, changed: Y.Transaction['changed'], limits: DocumentLimits): UpdateVerdict {
  const touched = touchedParts(shadow.copy, changed);
  const structure = structureProblem(shadow.copy, touched);
  if (structure) return { ok: false, reason: structure };
  const raw = readRawDocumentChange(shadow.copy, shadow.raw, changed);
  const problem = contentProblem(raw, touched, limits);
  if (problem) return { ok: false, reason: problem };
  // Untouched entities as every peer reads them (a room stored before these checks may lack defaults).
  const whole = completeDocument(raw);
  const duplicate = idProblem(whole);
  if (duplicate) return { ok: false, reason: duplicate };
  let isWhole = shadow.isWhole;
  if (whole.schema !== shadow.raw.schema && !(shadow.isWhole && isStillWhole(shadow.raw.schema, whole.schema))) {
    const repaired = repairDocument(whole);
    const broken = checkInvariants(repaired.document.schema);
    if (broken.length > 0) return { ok: false, reason: `the document cannot be repaired: ${broken[0]}` };
    isWhole = repaired.document.schema === whole.schema;
  }
  shadow.raw = whole;
  shadow.isWhole = isWhole;
  return { ok: true };
}

/** The touched entities, read back, against the project file's schema, the size limits and the rule on names. */
function contentProblem(raw: ErdDocument, touched: TouchedParts, limits: DocumentLimits): string | undefined {
  if (raw.schema.tables.length > limits.maxTables) return `more than ${limits.maxTables} tables`;
  const c = touched.collections;
  const tableIds = new Set([...(c.tables?.ids ?? []), ...touched.tables.keys()]);
  const parts = [
    ['tables', raw.schema.tables, tableIds],
    ['relationships', raw.schema.relationships, c.relationships?.ids],
    ['enums', raw.schema.enums, c.enums?.ids],
    ['sqlObjects', raw.schema.sqlObjects ?? [], c.sqlObjects?.ids],
    ['notes', raw.notes ?? [], c.notes?.ids],
    ['versions', raw.versions ?? [], c.versions?.ids],
  ] as const;
  for (const [part, items, ids] of parts) {
    if (!ids || ids.size === 0) continue;
    for (const item of items as readonly { id: string }[]) {
      if (!ids.has(item.id)) continue;
      const parsed = zodOf[part].safeParse(item);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return `${part}.${item.id.slice(0, 40)}.${issue.path.map(String).join('.')}: ${issue.message}`;
      }
      const missing = firstDifference(item, parsed.data, `${part}.${item.id.slice(0, 40)}`);
      if (missing) return `${missing} is missing or not as the editor writes it`;
      const problem = textProblem(item, `${part}.${item.id.slice(0, 40)}`, limits);
      if (problem) return problem;
      if (part === 'tables' && item.id.startsWith('note_')) return `tables.${item.id.slice(0, 40)}: a table id cannot start with note_`;
      if (part === 'tables' && (item as unknown as { columns: unknown[] }).columns.length > limits.maxColumnsPerTable)
        return `tables.${item.id.slice(0, 40)} has more than ${limits.maxColumnsPerTable} columns`;
    }
  }
  for (const id of c.layout?.ids ?? []) {
    const position = raw.layout[id as keyof typeof raw.layout];
    if (position && !file.layout.valueType.safeParse(position).success) return `layout.${id.slice(0, 40)} is not a position`;
  }
  return undefined;
}

/**
 * Where an entity and what zod made of it differ: zod fills defaults (a table's schemaName, a
 * relationship's junction), so an entity missing them passes the schema but would crash every peer
 * that reads it; only an entity zod returns unchanged is complete. Undefined when they are the same.
 */
function firstDifference(input: unknown, parsed: unknown, where: string): string | undefined {
  if (input === parsed) return undefined;
  if (typeof input !== 'object' || typeof parsed !== 'object' || input === null || parsed === null) return where;
  if (Array.isArray(input) !== Array.isArray(parsed)) return where;
  const a = input as Record<string, unknown>;
  const b = parsed as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => a[key] !== undefined || b[key] !== undefined));
  for (const key of keys) {
    const difference = firstDifference(a[key], b[key], `${where}.${key}`);
    if (difference) return difference;
  }
  return undefined;
}

const nameFields = new Set(['name', 'schemaName']);

/** Every string within the limits; names one line of text without control characters. */
function textProblem(value: unknown, where: string, limits: DocumentLimits): string | undefined {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const problem = textProblem(item, `${where}.${i}`, limits);
      if (problem) return problem;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string' && nameFields.has(key)) {
        if (item.length > limits.maxNameLength) return `${where}.${key} is longer than ${limits.maxNameLength} characters`;
        if (hasControlCharacter(item)) return `${where}.${key} holds a control character`;
      }
      const problem = textProblem(item, `${where}.${key}`, limits);
      if (problem) return problem;
    }
  } else if (typeof value === 'string' && value.length > limits.maxTextLength)
    return `${where} is longer than ${limits.maxTextLength} characters`;
  return undefined;
}

/** No id held by two things (a table taking a column's id would make every edit of either ambiguous). */
function idProblem(raw: ErdDocument): string | undefined {
  const seen = new Set<string>();
  const claim = (id: string) => (seen.has(id) ? `id "${id.slice(0, 40)}" is used twice` : (seen.add(id), undefined));
  for (const t of raw.schema.tables) {
    const problem = claim(t.id) ?? firstOf(t.columns, claim) ?? firstOf(t.checks, claim) ?? firstOf(t.indexes, claim);
    if (problem) return problem;
  }
  for (const r of raw.schema.relationships) {
    const problem = claim(r.id) ?? firstOf(r.junction?.columns ?? [], claim);
    if (problem) return problem;
  }
  return firstOf(raw.schema.enums, claim) ?? firstOf(raw.schema.sqlObjects ?? [], claim) ?? firstOf(raw.notes ?? [], claim);
}

const firstOf = (items: readonly { id: string }[], claim: (id: string) => string | undefined): string | undefined => {
  for (const item of items) {
    const problem = claim(item.id);
    if (problem) return problem;
  }
  return undefined;
};
