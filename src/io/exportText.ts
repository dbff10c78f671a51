import { toSqlText, type DdlResult } from '../ddl/index.ts';
import { toDbml } from './dbmlExport.ts';
import { toMermaid } from './mermaid.ts';
import { fileNameFor } from './storedDocument.ts';
import type { Schema } from '../model/index.ts';

/** The text formats a design is taken out in. */
export type TextFormat = 'sql' | 'dbml' | 'mermaid';

/** How each format is named, saved and introduced. */
export const textFormats: Record<TextFormat, { label: string; extension: string; type: string; about: string }> = {
  sql: {
    label: 'SQL',
    extension: '.sql',
    type: 'application/sql',
    about: 'The PostgreSQL DDL, with the options of the DDL tab: for migrations.',
  },
  dbml: { label: 'DBML', extension: '.dbml', type: 'text/plain', about: 'For dbdiagram.io and other DBML tools; one-to-one as "-".' },
  mermaid: {
    label: 'Mermaid',
    extension: '.mmd',
    type: 'text/plain',
    about: 'An erDiagram with crow’s-foot ends, ready to paste into a README (GitHub draws it).',
  },
};

/** A schema in a text format; SQL is the DDL as the DDL tab formats it (`selectFormattedDdl`). */
export function exportedText(format: TextFormat, schema: Schema, ddl: DdlResult): string {
  if (format === 'sql') return toSqlText(ddl.statements);
  return format === 'dbml' ? toDbml(schema) : toMermaid(schema);
}

/** A file name for the document in a format: `shop.dbml`, with characters file systems refuse replaced. */
export function exportFileName(documentName: string, format: TextFormat): string {
  return fileNameFor(documentName).replace(/\.erd\.json$/, textFormats[format].extension);
}
