import type { QueryResult } from '../model/index.ts';

/** A value as the user reads it in a result grid; null stays null so it can be shown as NULL. */
export type Cell = string | null;

/** Renders a value from a driver (numbers, dates, bytes, JSON, arrays) as text, the way psql would roughly show it. */
export function displayValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  if (typeof value === 'object') return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return String(value);
}

/** A query's rows as cells in field order. */
export function displayRows(result: QueryResult): Cell[][] {
  return result.rows.map((row) => result.fields.map((f) => displayValue(row[f])));
}
