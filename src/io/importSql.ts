import { calledNames, routineName, sqlObjectPlacement } from '../ddl/index.ts';
import { checkSqlObject, newId, validateSchema, type Layout, type Schema, type SqlObject, type SqlRunner } from '../model/index.ts';
import { applyUniqueSets, catalogTables } from './catalogTables.ts';
import { gridLayout } from '../layout/gridLayout.ts';
import { orderByMentions } from './orderByMentions.ts';
import { keptKeySql } from './foreignKeyFacts.ts';
import { inferRelationships } from './inferRelationships.ts';
import { isExtensionMember, readCatalog } from './readCatalog.ts';
import { readSqlObjects } from './readSqlObjects.ts';
import { runImportScript, type ImportError } from './runImportScript.ts';
import { describeSkipped } from './statementKinds.ts';

export type { ImportError } from './runImportScript.ts';

/** Scripts above this size are refused before anything runs: a schema is rarely past a few hundred kB; data belongs elsewhere. */
export const maxImportBytes = 8 * 1024 * 1024;

/** An imported schema with a first layout, what was left out and why; or the error that stopped the script. */
export type ImportResult =
  | {
      ok: true;
      schema: Schema;
      /** A plain grid; the app may run its auto layout over it. */
      layout: Layout;
      /** Lint-style remarks: partial unique indexes, partitions, keys kept as text, missing extensions... */
      notes: string[];
      /** Statements (and COPY rows) not run, by kind. */
      skipped: Record<string, number>;
      /** `skipped: 12 GRANT, 3 OWNER TO, 200 COPY rows`. */
      summary: string;
    }
  | { ok: false; error: ImportError };

/** The error for a script over `maxImportBytes`, found before anything runs; undefined when the size is fine. */
export function oversizeError(sql: string): ImportError | undefined {
  const bytes = sql.length * 3 <= maxImportBytes ? sql.length : new Blob([sql]).size;
  if (bytes <= maxImportBytes) return undefined;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return {
    line: 0,
    statement: '',
    message: `The script is ${mb(bytes)}; imports take at most ${mb(maxImportBytes)}. Import the schema without its data (pg_dump --schema-only).`,
  };
}

/**
 * Imports a SQL script (pg_dump output, migrations, hand-written DDL) by letting PostgreSQL execute it
 * and reading the catalog. Runs inside one transaction on `runner` that is always rolled back, so a
 * shared or throwaway database is left as it was; `runner` must not be inside a transaction. Returns a
 * new schema (the caller's document is never touched) or the first error with its line in the script.
 */
export async function importSql(sql: string, runner: SqlRunner): Promise<ImportResult> {
  const oversize = oversizeError(sql);
  if (oversize) return { ok: false, error: oversize };
  await runner.exec('BEGIN');
  let failure: unknown;
  try {
    const ran = await runImportScript(runner, sql);
    if (!ran.ok) return ran;
    const { run } = ran;
    await runner.exec('SET LOCAL search_path TO public');
    const catalog = await readCatalog(runner, run.markOid);
    const objects = await readSqlObjects(runner, run.markOid);
    const built = catalogTables(catalog);
    const inferred = inferRelationships(catalog.constraints, built, objects);
    applyUniqueSets(built, inferred.takenUniqueSets);
    const serialSequences = new Set(catalog.columns.map((c) => c.serialSequenceOid).filter((oid): oid is string => oid !== null));
    // The DDL creates the schemas of tables and enums; a schema holding only views, functions or an extension is kept.
    const drawnSchemas = new Set([...built.tables.map((t) => t.schemaName), ...built.enums.map((e) => e.schemaName)]);
    const kept: SqlObject[] = [
      ...run.missingExtensions.map((e): SqlObject => ({
        id: newId('sql'),
        kind: 'extension',
        name: e.name,
        sql: e.sql.endsWith(';') ? e.sql : `${e.sql};`,
        ...(e.standIns.length > 0 ? { standIn: e.standIns.join('\n') } : {}),
      })),
      ...orderByMentions(
        objects
          .filter(
            (o) => !inferred.takenObjects.has(o.oid) && !serialSequences.has(o.oid) && !(o.kind === 'schema' && drawnSchemas.has(o.name)),
          )
          .map((o) => ({
            ...o,
            bareName:
              o.kind === 'function' || o.kind === 'aggregate'
                ? o.name.replace(/\(.*$/s, '').split('.').pop()!.replace(/^"|"$/g, '')
                : '\u0000',
            text: o.source ?? o.sql,
          })),
      ).map((o): SqlObject => ({ id: newId('sql'), kind: o.kind, name: o.name, sql: o.sql })),
      ...built.keptIndexes.map((i): SqlObject => ({ id: newId('sql'), kind: 'index', name: i.name, sql: i.sql })),
      ...inferred.keptKeys.map((k): SqlObject => ({ id: newId('sql'), kind: 'constraint', name: k.name, sql: k.sql })),
      ...catalog.constraints
        .filter((k) => k.type === 'x' && !k.onPartition)
        .map((k): SqlObject => ({
          id: newId('sql'),
          kind: 'constraint',
          name: k.name,
          sql: keptKeySql(built.tableByOid.get(k.tableOid)!, k),
        })),
    ];
    const order = (o: SqlObject) => (sqlObjectPlacement[o.kind].phase === 'beforeTables' ? 0 : 100) + sqlObjectPlacement[o.kind].rank;
    kept.sort((a, b) => order(a) - order(b));
    // An object the document may not carry (a C-language function runs code outside PostgreSQL's sandbox) is left out,
    // said in a note, rather than kept as an error that would block the whole DDL.
    const refused = kept.map((o) => [o, checkSqlObject(o)] as const).filter((x): x is readonly [SqlObject, string] => x[1] !== undefined);
    const refusedNotes = refused.map(([o, why]) => `Not kept: the ${o.kind} "${o.name}" ${why}.`);
    if (refused.length > 0) kept.splice(0, kept.length, ...kept.filter((o) => !refused.some(([r]) => r === o)));
    refusedNotes.push(
      ...withoutCallersOf(
        kept,
        refused.map(([o]) => o),
      ),
    );
    const junctions = new Set([...inferred.junctionTableOids].map((oid) => built.tableByOid.get(oid)));
    const tables = built.tables.filter((t) => !junctions.has(t));
    const schema: Schema = {
      tables,
      relationships: inferred.relationships,
      enums: built.enums,
      ...(kept.length > 0 ? { sqlObjects: kept } : {}),
    };
    const problems = validateSchema(schema).map((p) => `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`);
    return {
      ok: true,
      schema,
      layout: gridLayout(tables),
      notes: [...run.notes, ...built.notes, ...inferred.notes, ...refusedNotes, ...(await notImported(runner, run.markOid)), ...problems],
      skipped: run.skipped,
      summary: describeSkipped(run.skipped),
    };
  } catch (error) {
    failure = error;
    throw error;
  } finally {
    // After a failure, that failure is the one to report: a ROLLBACK refused then (PostgreSQL gone) would hide it.
    await runner.exec('ROLLBACK').catch((rollbackError: unknown) => {
      if (failure === undefined) throw rollbackError;
    });
  }
}

/** Objects the diagram neither draws nor keeps as text yet (rules, row-level security), counted so the loss is said out loud. */
async function notImported(runner: SqlRunner, mark: number): Promise<string[]> {
  const { rows } = await runner.query(
    `SELECT (SELECT count(*)::int FROM pg_catalog.pg_rewrite WHERE oid > ${mark} AND rulename <> '_RETURN') AS rules,
       (SELECT count(*)::int FROM pg_catalog.pg_policy WHERE oid > ${mark}) AS policies,
       (SELECT count(*)::int FROM pg_catalog.pg_class WHERE oid > ${mark} AND relrowsecurity) AS secured,
       (SELECT count(*)::int FROM pg_catalog.pg_ts_config tc WHERE tc.oid > ${mark} AND NOT ${isExtensionMember('tc.oid', 'pg_ts_config')})
         + (SELECT count(*)::int FROM pg_catalog.pg_ts_dict td WHERE td.oid > ${mark} AND NOT ${isExtensionMember('td.oid', 'pg_ts_dict')}) AS "textSearch"`,
  );
  const { rules, policies, secured, textSearch } = rows[0] as { rules: number; policies: number; secured: number; textSearch: number };
  const lost = [
    rules > 0 ? `${rules} rule${rules === 1 ? '' : 's'} (CREATE RULE)` : '',
    policies > 0 ? `${policies} row-level security polic${policies === 1 ? 'y' : 'ies'}` : '',
    secured > 0 ? `ENABLE ROW LEVEL SECURITY on ${secured} table${secured === 1 ? '' : 's'}` : '',
    textSearch > 0
      ? `${textSearch} text search configuration${textSearch === 1 ? '' : 's'} or dictionar${textSearch === 1 ? 'y' : 'ies'} (functions using them fail without them)`
      : '',
  ].filter(Boolean);
  return lost.length > 0 ? [`Not imported: ${lost.join(', ')}.`] : [];
}

/**
 * Takes out of `kept`, in place, every object that calls a routine left out (and so on, for what calls
 * those): its DDL would fail on the missing routine. Returns a note for each.
 */
function withoutCallersOf(kept: SqlObject[], leftOut: readonly SqlObject[]): string[] {
  const notes: string[] = [];
  const missing = new Map(leftOut.filter((o) => o.kind === 'function' || o.kind === 'aggregate').map((o) => [routineName(o), o.name]));
  for (let changed = true; changed;) {
    changed = false;
    for (const o of [...kept]) {
      const called = [...calledNames(o.sql)].find((name) => missing.has(name) && name !== routineName(o));
      if (called === undefined) continue;
      kept.splice(kept.indexOf(o), 1);
      notes.push(`Not kept: the ${o.kind} "${o.name}", which calls "${missing.get(called)}", which is not kept.`);
      if (o.kind === 'function' || o.kind === 'aggregate') missing.set(routineName(o), o.name);
      changed = true;
    }
  }
  return notes;
}
