import ELK from 'elkjs/lib/elk.bundled.js';
import { serializeProjectFile } from '../io/index.ts';
import { importedVersionName, makeVersion } from '../model/index.ts';
import { layoutSchema } from '../layout/layoutSchema.ts';
import { formatImportFacts } from './formatImport.ts';
import type { CliIo } from './main.ts';
import { readDocument, type DocumentReaders } from './readDocument.ts';

/** Where `erd import` writes, and whether it may replace a file already there. */
export interface ImportTarget {
  /** Undefined: print the project file on stdout. */
  output?: string;
  force: boolean;
}

/**
 * `erd import FILE.sql|FILE.dbml [-o OUT]`: writes the project file (or prints it), and one line on
 * stderr saying what came in, followed by the importer's notes. An existing OUT is replaced only
 * with --force, and is checked before the import so a refusal costs nothing.
 */
export async function importCommand(file: string, target: ImportTarget, readers: DocumentReaders, io: CliIo): Promise<number> {
  if (!file.endsWith('.sql') && !file.endsWith('.dbml')) {
    io.stderr(`erd: ${file}: import reads a SQL script (.sql) or a DBML file (.dbml)\n`);
    return 2;
  }
  const { output, force } = target;
  if (output !== undefined && !force && (await io.exists(output))) {
    io.stderr(`erd: ${output} already exists; add --force to replace it\n`);
    return 2;
  }
  const read = await readDocument(file, readers);
  if (!read.ok) {
    io.stderr(`erd: ${read.error}\n`);
    return 2;
  }
  const { schema } = read.document;
  const facts = read.imported ?? { tables: schema.tables.length, relationships: schema.relationships.length, summary: '', notes: [] };
  // A readable layout, as the app computes it: ELK's layered layout instead of the importer's grid; and,
  // as in the app, the schema as imported kept as the first version, for `erd diff FILE.erd.json@NAME`.
  const version = makeVersion(importedVersionName(file), schema, 'imported', new Date());
  const layout = await layoutSchema(schema, new ELK());
  const text = serializeProjectFile({ ...read.document, layout, ...(version && { versions: [version] }) });
  if (output === undefined) {
    io.stdout(text);
  } else {
    try {
      await io.writeFile(output, text, { overwrite: force });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(
        `erd: ${output}: ${code === 'EEXIST' ? 'already exists; add --force to replace it' : `cannot write: ${(error as Error).message}`}\n`,
      );
      return 2;
    }
  }
  io.stderr(`erd: ${formatImportFacts(file, facts)}\n`);
  return 0;
}
