import { failedStatementIndex, parseSql, type Problem, type Schema, type SqlRunner } from '../model/index.ts';
import { defaultDdlOptions, generateDdl, objectsTablesNeed, quoteIdent, type Statement } from '../ddl/index.ts';
import { buildScenarios } from './buildScenarios.ts';
import { catalogDifferences } from './catalogDifferences.ts';
import { snapshotCatalog, type CatalogSnapshot } from './catalogSnapshot.ts';
import { fitSamples } from './fitSamples.ts';
import { runScenario } from './runProof.ts';
import { countRows, insertSampleRows, lostRows, restoreInitialDeferral, type DataLoss } from './sampleRows.ts';
import { describeActual, describeExpectation, type ScenarioResult, type Verdict } from './scenario.ts';
import { availableExtensions, currentTransaction, requireSqlError, scratchSchemaName, TransactionEscapedError } from './scratchSchema.ts';

/** What a migration proof checks, in the order it reports them. */
export type MigrationCheckKind = 'catalog' | 'rows' | 'relationships' | 'down';

/** One check of a migration proof: its verdict and, when it is not a pass, each difference in words. */
export interface MigrationCheck {
  kind: MigrationCheckKind;
  title: string;
  verdict: Verdict;
  differences: string[];
  /** What the check stood on that a reader should know (sample rows that could not be made...). */
  notes: string[];
}

/** The outcome of proving a migration: the model's problems, then the four checks; the scenarios run on the migrated database. */
export interface MigrationProofReport {
  /** Errors that kept either schema's DDL from being generated; no check runs then. */
  problems: Problem[];
  checks: MigrationCheck[];
  relationshipResults: ScenarioResult[];
}

/** The migration's scripts and what its steps may lose. */
export interface MigrationUnderProof {
  up: string;
  down: string;
  /** Tables and columns whose rows or values a step may lose (dropped, narrowed): not counted as lost. */
  losesData?: readonly DataLoss[];
}

/** How a migration proof runs. */
export interface MigrationProofOptions {
  /** Sample rows per table of the old schema (parents the planner adds come on top); 3 by default. */
  rowsPerTable?: number;
}

const titles: Record<MigrationCheckKind, string> = {
  catalog: 'The migrated database equals a fresh build of the new schema',
  rows: 'The sample rows are all still there',
  relationships: 'The relationship proofs pass on the migrated database',
  down: 'The down migration brings back the old schema',
};

/**
 * Proves a migration in one transaction that is always rolled back: builds the new schema fresh and the
 * old one fresh (each snapshotted, from a savepoint), then the old one again with sample rows, runs
 * `up`, and compares the catalog with the fresh new one, the rows with those before (by id, so under new
 * names), runs the relationship scenarios on the migrated database itself, then runs `down` and compares
 * with the fresh old one. Tables drawn in `public` are built in the scratch schema, as the proofs do.
 */
export async function proveMigration(
  db: SqlRunner,
  from: Schema,
  to: Schema,
  migration: MigrationUnderProof,
  { rowsPerTable = 3 }: MigrationProofOptions = {},
): Promise<MigrationProofReport> {
  // Built as the proofs build a schema: the kept objects the tables need, extensions this database lacks as their stand-ins.
  const creatable = await availableExtensions(db, { ...to, sqlObjects: [...(from.sqlObjects ?? []), ...(to.sqlObjects ?? [])] });
  const [oldDdl, newDdl] = [ddlOf(from, creatable), ddlOf(to, creatable)];
  const problems = [...oldDdl.problems, ...newDdl.problems];
  if (problems.some((p) => p.severity === 'error')) return { problems, checks: [], relationshipResults: [] };
  const schemas = [...new Set([scratchSchemaName, ...[...from.tables, ...to.tables].map((t) => t.schemaName), 'public'])];
  const snapshot = async () => publicNamed(await snapshotCatalog(db, schemas));
  const checks: MigrationCheck[] = [];
  const fail = (kind: MigrationCheckKind, differences: string[], notes: string[] = []) =>
    checks.push({ kind, title: titles[kind], verdict: differences.length ? 'failed' : 'passed', differences, notes });
  const notProvable = (kinds: MigrationCheckKind[], why: string) =>
    kinds.forEach((kind) => checks.push({ kind, title: titles[kind], verdict: 'notProvable', differences: [], notes: [why] }));
  let relationshipResults: ScenarioResult[] = [];

  await db.exec('BEGIN');
  const transaction = await currentTransaction(db);
  try {
    await db.execEach([`CREATE SCHEMA ${scratchSchemaName}`, `SET LOCAL search_path TO ${schemas.map(quoteIdent).join(', ')}`]);
    const freshNew = await freshSnapshot(db, newDdl.statements, snapshot);
    const freshOld = await freshSnapshot(db, oldDdl.statements, snapshot);
    if ('refused' in freshNew || 'refused' in freshOld) {
      const refused =
        'refused' in freshNew
          ? `the new schema's DDL: ${freshNew.refused}`
          : `the old schema's DDL: ${(freshOld as { refused: string }).refused}`;
      notProvable(['catalog', 'rows', 'relationships', 'down'], `PostgreSQL refused ${refused}`);
      return { problems, checks, relationshipResults };
    }
    await db.execEach(oldDdl.statements.map((s) => s.sql));
    const rowNotes = await insertSampleRows(db, from, rowsPerTable);
    const before = await countRows(db, from);
    const upRefused = await runScript(db, migration.up);
    if (upRefused) {
      fail('catalog', [`the up migration was refused: ${upRefused}`]);
      notProvable(['rows', 'relationships', 'down'], 'the up migration did not run');
      return { problems, checks, relationshipResults };
    }
    fail(
      'catalog',
      catalogDifferences(await snapshot(), freshNew, { names: ['the migrated database', 'a fresh build of the new schema'] }),
    );
    fail('rows', lostRows(from, to, before, await countRows(db, to), migration.losesData ?? []), rowNotes);
    await db.exec('SAVEPOINT migrated');
    relationshipResults = await relationshipScenarios(db, to, newDdl.statements);
    await db.exec('ROLLBACK TO SAVEPOINT migrated');
    const failed = relationshipResults.filter((r) => r.verdict === 'failed');
    fail(
      'relationships',
      failed.map((r) => `${r.title}: expected ${describeExpectation(r.expected!)}, but PostgreSQL ${describeActual(r.actual!)}`),
      relationshipResults.some((r) => r.verdict === 'notProvable') ? ['some scenarios could not be run honestly: see their reasons'] : [],
    );
    const downRefused = await runScript(db, migration.down);
    if (downRefused) fail('down', [`the down migration was refused: ${downRefused}`]);
    else
      fail(
        'down',
        catalogDifferences(await snapshot(), freshOld, { names: ['the database after down', 'a fresh build of the old schema'] }),
      );
    await requireSameTransaction(db, transaction);
    return { problems, checks, relationshipResults };
  } finally {
    await db.exec('ROLLBACK');
  }
}

function ddlOf(schema: Schema, creatableExtensions: readonly string[]): { statements: Statement[]; problems: Problem[] } {
  const proved = { ...schema, sqlObjects: objectsTablesNeed(schema) };
  const { statements, problems } = generateDdl(proved, { ...defaultDdlOptions, extensionStandIns: true, creatableExtensions });
  return { statements: statements.filter((s) => s.kind !== 'note'), problems };
}

/** Builds DDL from a savepoint, snapshots it, and rolls it back (which frees its locks: no shared memory piles up). */
async function freshSnapshot(
  db: SqlRunner,
  statements: readonly Statement[],
  snapshot: () => Promise<CatalogSnapshot>,
): Promise<CatalogSnapshot | { refused: string }> {
  await db.exec('SAVEPOINT fresh');
  try {
    await db.execEach(statements.map((s) => s.sql));
    return await snapshot();
  } catch (error) {
    const e = requireSqlError(error);
    return { refused: `${statements[failedStatementIndex(error) ?? 0]?.sql ?? ''} (${e.code}: ${e.message})` };
  } finally {
    await db.exec('ROLLBACK TO SAVEPOINT fresh');
  }
}

/** Runs a script one statement per message; what PostgreSQL refused, in words, or undefined. */
async function runScript(db: SqlRunner, script: string): Promise<string | undefined> {
  const parsed = parseSql(script);
  if ('error' in parsed) return `it is not SQL PostgreSQL can read (${parsed.error.message})`;
  // A COMMIT would end the transaction the proof rolls back: the migration's own changes would stay.
  const control = parsed.statements.findIndex((s) => s.kind === 'TransactionStmt');
  if (control !== -1)
    return `statement ${control + 1}, ${parsed.statements[control]!.text}: a migration proved here cannot control the transaction`;
  const statements = parsed.statements.map((s) => s.text);
  try {
    await db.execEach(statements);
    return undefined;
  } catch (error) {
    const e = requireSqlError(error);
    const index = failedStatementIndex(error) ?? 0;
    return `statement ${index + 1}, ${statements[index]?.trim()}: ${e.code}: ${e.message}`;
  }
}

/** The relationship scenarios of the new schema, played on the migrated database (its sample rows there too). */
async function relationshipScenarios(db: SqlRunner, to: Schema, statements: readonly Statement[]): Promise<ScenarioResult[]> {
  await restoreInitialDeferral(db);
  const fitted = await fitSamples(db, to);
  await db.exec('SAVEPOINT scenario');
  const results: ScenarioResult[] = [];
  for (const scenario of buildScenarios(to, statements, fitted)) {
    if ('notProvable' in scenario) continue;
    results.push(await runScenario(db, scenario));
  }
  return results;
}

/** Keys of the scratch schema read as `public`, where the tables are drawn. */
function publicNamed(snapshot: CatalogSnapshot): CatalogSnapshot {
  const rename = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).map(([key, v]) => [key.replace(new RegExp(`^${scratchSchemaName}\\.`), 'public.'), v]));
  return {
    tables: rename(snapshot.tables),
    enums: rename(snapshot.enums),
    views: rename(snapshot.views),
    functions: rename(snapshot.functions),
    domains: rename(snapshot.domains),
  };
}

async function requireSameTransaction(db: SqlRunner, transaction: string): Promise<void> {
  const now = await currentTransaction(db);
  if (now !== transaction)
    throw new TransactionEscapedError(`the proof's transaction ${transaction} ended before its ROLLBACK (now in ${now})`);
}
