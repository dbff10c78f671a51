import type { ErdDocument, Layout } from '../src/model/index.ts';
import { largeSchema } from './largeSchema.ts';

/**
 * The generated schema as a document, its tables on a plain grid (rows of `perRow`, spaced for a
 * table of three columns): what a big imported schema looks like before anyone arranges it.
 */
export function largeDocument(tables: number, relationships: number, perRow = 25): ErdDocument {
  const schema = largeSchema(tables, relationships);
  const layout: Layout = Object.fromEntries(
    schema.tables.map((t, i) => [t.id, { x: (i % perRow) * 340, y: Math.floor(i / perRow) * 260 }]),
  );
  return { schema, layout };
}
