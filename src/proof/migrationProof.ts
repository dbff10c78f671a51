import { failedStatementIndex, parseSql, type Problem, type Schema, type SqlRunner } from '../model/index.ts';
import { defaultDdlOptions, generateDdl, quoteIdent, type Statement } from '../ddl/index.ts';
import { buildScenarios } from './buildScenarios.ts';
import { catalogDifferences } from './catalogDifferences.ts';
import { snapshotCatalog, type CatalogSnapshot } from './catalogSnapshot.ts';
import { fitSamples } from './fitSamples.ts';
import { migrationScope, schemaInScope, statementsInScope, type MigrationScope } from './migrationScope.ts';
import { runScenarios } from './runScenarios.ts';
import { sharedBuild, type SharedBuild } from './sharedBuild.ts';
import { countRows, insertSampleRows, lostRows, restoreInitialDeferral, type DataLoss } from './sampleRows.ts';
import { describeActual, describeExpectation, type Scenario, type ScenarioResult, type Verdict } from './scenario.ts';
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
  /** The part of the schemas the proof built. */
  scope: MigrationScope;
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
  /** Build every table even in a large schema (the bench's anchor for `migrationScope`). */
  wholeSchema?: boolean;
  /** The schema the proof creates first on the search path; a server run names a fresh one, and then public is left off the path. */
  scratchSchema?: string;
}

const titles: Record<MigrationCheckKind, string> = {
  catalog: 'The migrated database equals a fresh build of the new schema',
  rows: 'The sample rows are all still there',
  relationships: 'The relationship proofs pass on the migrated database',
  down: 'The down migration brings back the old schema',
};

/**
 * Proves a migration in one transaction that is always rolled back: builds the new schema fresh (snapshotted,
 * from a savepoint), then the old one (snapshotted before any row) with sample rows, runs `up`, and compares
 * the catalog with the fresh new one, the rows with those before (by id, so under new names), runs the
 * relationship scenarios on the migrated database itself, then runs `down` and compares with the old one.
 * Tables drawn in `public` are built in the scratch schema, as the proofs do. In a large schema only the
 * tables whose DDL changes and those they reference are built (`migrationScope`), and what the two schemas
 * build alike is built once, before both (`sharedBuild`).
 */
export async function proveMigration(
  db: SqlRunner,
  from: Schema,
  to: Schema,
  migration: MigrationUnderProof,
  { rowsPerTable = 3, wholeSchema = false, scratchSchema = scratchSchemaName }: MigrationProofOptions = {},
): Promise<MigrationProofReport> {
  // Built as the proofs build a schema: the kept objects the tables need, extensions this database lacks as their stand-ins.
  const creatable = await availableExtensions(db, { ...to, sqlObjects: [...(from.sqlObjects ?? []), ...(to.sqlObjects ?? [])] });
  const [fullOld, fullNew] = [ddlOf(from, creatable), ddlOf(to, creatable)];
  const problems = [...fullOld.problems, ...fullNew.problems];
  if (problems.some((p) => p.severity === 'error')) return { problems, checks: [], relationshipResults: [], scope: wholeScope };
  const scope = wholeSchema ? wholeScope : migrationScope(from, to, fullOld.statements, fullNew.statements);
  const [oldSchema, newSchema] = [schemaInScope(from, scope), schemaInScope(to, scope)];
  const [oldStatements, newStatements] = [
    statementsInScope(fullOld.statements, from, scope),
    statementsInScope(fullNew.statements, to, scope),
  ];
  const publicToo = scratchSchema === scratchSchemaName ? ['public'] : [];
  const schemas = [...new Set([scratchSchema, ...[...from.tables, ...to.tables].map((t) => t.schemaName), ...publicToo])];
  const snapshot = async () => publicNamed(await snapshotCatalog(db, schemas));
  const checks: MigrationCheck[] = [];
  const fail = (kind: MigrationCheckKind, differences: string[], notes: string[] = []) =>
    checks.push({ kind, title: titles[kind], verdict: differences.length ? 'failed' : 'passed', differences, notes });
  const notProvable = (kinds: MigrationCheckKind[], why: string) =>
    kinds.forEach((kind) => checks.push({ kind, title: titles[kind], verdict: 'notProvable', differences: [], notes: [why] }));
  let relationshipResults: ScenarioResult[] = [];
  const report = () => ({ problems, checks, relationshipResults, scope });

  await db.exec('BEGIN');
  const transaction = await currentTransaction(db);
  try {
    await db.execEach([`CREATE SCHEMA ${quoteIdent(scratchSchema)}`, `SET LOCAL search_path TO ${schemas.map(quoteIdent).join(', ')}`]);
    const split =
      scope.tableIds === 'all' ? undefined : sharedBuild(oldStatements, newStatements, [...from.relationships, ...to.relationships]);
    // A split build PostgreSQL refuses (a name it picks itself, taken in another order) is retried whole: the split never turns a build that works into one refused.
    await db.exec('SAVEPOINT builds');
    let built = await buildBoth(db, await buildShared(db, split), oldStatements, newStatements, snapshot);
    if ('refused' in built && split) {
      await db.exec('ROLLBACK TO SAVEPOINT builds');
      built = await buildBoth(db, undefined, oldStatements, newStatements, snapshot);
    }
    if ('refused' in built) {
      notProvable(['catalog', 'rows', 'relationships', 'down'], built.refused);
      return report();
    }
    await db.exec('RELEASE SAVEPOINT builds');
    const { freshNew } = built;
    const freshOld = await snapshot();
    const rowNotes = await insertSampleRows(db, oldSchema, rowsPerTable);
    const before = await countRows(db, oldSchema);
    const upRefused = await runScript(db, migration.up);
    if (upRefused) {
      fail('catalog', [`the up migration was refused: ${upRefused}`]);
      notProvable(['rows', 'relationships', 'down'], 'the up migration did not run');
      return report();
    }
    fail(
      'catalog',
      catalogDifferences(await snapshot(), freshNew, { names: ['the migrated database', 'a fresh build of the new schema'] }),
      scopeNotes(scope),
    );
    const after = await countRowsIfReadable(db, newSchema);
    if ('unreadable' in after) fail('rows', [`the rows could not be read under the new schema's names: ${after.unreadable}`], rowNotes);
    else fail('rows', lostRows(oldSchema, newSchema, before, after, migration.losesData ?? []), rowNotes);
    await db.exec('SAVEPOINT migrated');
    relationshipResults = await relationshipScenarios(db, newSchema, newStatements, scope.changedRelationshipIds);
    await db.exec('ROLLBACK TO SAVEPOINT migrated');
    const failed = relationshipResults.filter((r) => r.verdict === 'failed');
    fail(
      'relationships',
      failed.map((r) => `${r.title}: expected ${describeExpectation(r.expected!)}, but PostgreSQL ${describeActual(r.actual!)}`),
      [
        ...(relationshipResults.some((r) => r.verdict === 'notProvable')
          ? ['some scenarios could not be run honestly: see their reasons']
          : []),
        ...relationshipScopeNotes(scope, to, relationshipResults),
      ],
    );
    const downRefused = await runScript(db, migration.down);
    if (downRefused) fail('down', [`the down migration was refused: ${downRefused}`]);
    else
      fail(
        'down',
        catalogDifferences(await snapshot(), freshOld, { names: ['the database after down', 'a fresh build of the old schema'] }),
      );
    await requireSameTransaction(db, transaction);
    return report();
  } finally {
    await db.exec('ROLLBACK');
  }
}

const wholeScope: MigrationScope = { tableIds: 'all', changedRelationshipIds: 'all', leftOut: { tables: 0, relationships: 0 } };

/** A schema's DDL as the migration sees it: every kept object (the migration makes, replaces and drops them), extensions this database lacks as their stand-ins. */
function ddlOf(schema: Schema, creatableExtensions: readonly string[]): { statements: Statement[]; problems: Problem[] } {
  const { statements, problems } = generateDdl(schema, { ...defaultDdlOptions, extensionStandIns: true, creatableExtensions });
  return { statements: statements.filter((s) => s.kind !== 'note'), problems };
}

/**
 * Builds the fresh new schema (snapshotted, then rolled back) and the old one over what both share, as `split` says
 * (undefined: each whole); the new schema's catalog, or why PostgreSQL refused one of them.
 */
async function buildBoth(
  db: SqlRunner,
  split: SharedBuild | undefined,
  oldStatements: readonly Statement[],
  newStatements: readonly Statement[],
  snapshot: () => Promise<CatalogSnapshot>,
): Promise<{ freshNew: CatalogSnapshot } | { refused: string }> {
  const freshNew = await freshSnapshot(db, split?.newOnly ?? newStatements, snapshot);
  if ('refused' in freshNew) return { refused: `PostgreSQL refused the new schema's DDL: ${freshNew.refused}` };
  // The old schema is built once: its catalog before any row is the fresh build the down migration must return to.
  const oldRefused = await runStatements(db, split?.oldOnly ?? oldStatements);
  return oldRefused ? { refused: `PostgreSQL refused the old schema's DDL: ${oldRefused}` } : { freshNew };
}

/** Builds what both schemas share (`sharedBuild`) once; undefined, having built nothing, when there is no split or PostgreSQL refused it. */
async function buildShared(db: SqlRunner, split: SharedBuild | undefined): Promise<SharedBuild | undefined> {
  if (!split || split.shared.length === 0) return undefined;
  await db.exec('SAVEPOINT shared');
  const refused = await runStatements(db, split.shared);
  await db.exec(refused ? 'ROLLBACK TO SAVEPOINT shared' : 'RELEASE SAVEPOINT shared');
  return refused ? undefined : split;
}

/** Builds DDL from a savepoint, snapshots it, and rolls it back (which frees its locks: no shared memory piles up). */
async function freshSnapshot(
  db: SqlRunner,
  statements: readonly Statement[],
  snapshot: () => Promise<CatalogSnapshot>,
): Promise<CatalogSnapshot | { refused: string }> {
  await db.exec('SAVEPOINT fresh');
  try {
    const refused = await runStatements(db, statements);
    return refused ? { refused } : await snapshot();
  } finally {
    await db.exec('ROLLBACK TO SAVEPOINT fresh');
  }
}

/** Counts the rows under the new schema's names, from a savepoint: a migration that missed a rename or an added column leaves names to read that are not there. */
async function countRowsIfReadable(db: SqlRunner, schema: Schema): Promise<Awaited<ReturnType<typeof countRows>> | { unreadable: string }> {
  await db.exec('SAVEPOINT count_rows');
  try {
    const counts = await countRows(db, schema);
    await db.exec('RELEASE SAVEPOINT count_rows');
    return counts;
  } catch (error) {
    const e = requireSqlError(error);
    await db.exec('ROLLBACK TO SAVEPOINT count_rows');
    return { unreadable: `${e.code}: ${e.message}` };
  }
}

/** Runs generated statements; the one PostgreSQL refused and why, or undefined. */
async function runStatements(db: SqlRunner, statements: readonly Statement[]): Promise<string | undefined> {
  try {
    await db.execEach(statements.map((s) => s.sql));
    return undefined;
  } catch (error) {
    const e = requireSqlError(error);
    return `${statements[failedStatementIndex(error) ?? 0]?.sql ?? ''} (${e.code}: ${e.message})`;
  }
}

/** Which relationships the relationship check proved, when not all. */
function relationshipScopeNotes(scope: MigrationScope, to: Schema, results: readonly ScenarioResult[]): string[] {
  if (scope.changedRelationshipIds === 'all') return [];
  const proved = new Set(results.map((r) => r.relationshipId)).size;
  const others = to.relationships.length - proved;
  return others === 0
    ? []
    : [
        `proved the ${proved} relationships whose DDL or tables the migration changes; the other ${others} join tables whose DDL is the same before and after`,
      ];
}

/** What the catalog check stood on when the proof built only part of the schema. */
function scopeNotes(scope: MigrationScope): string[] {
  const { tables, relationships } = scope.leftOut;
  if (scope.tableIds === 'all' || tables === 0) return [];
  return [
    `built the ${scope.tableIds.size} tables whose DDL the migration changes and the tables they reference; the other ${tables} tables and ${relationships} relationships have the same DDL before and after and were left out (a step touching them would have failed)`,
  ];
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
async function relationshipScenarios(
  db: SqlRunner,
  to: Schema,
  statements: readonly Statement[],
  only: MigrationScope['changedRelationshipIds'],
): Promise<ScenarioResult[]> {
  await restoreInitialDeferral(db);
  const fitted = await fitSamples(db, to);
  await db.exec('SAVEPOINT scenario');
  const built = buildScenarios(to, statements, fitted).filter(
    (s): s is Scenario => !('notProvable' in s) && (only === 'all' || only.has(s.relationshipId)),
  );
  return runScenarios(db, built);
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
  // Aborted by a refused down script (re-adding a NOT NULL column over rows): still the proof's own transaction.
  const now = await currentTransaction(db).catch((error: unknown) =>
    requireSqlError(error).code === '25P02' ? transaction : Promise.reject(error),
  );
  if (now !== transaction)
    throw new TransactionEscapedError(`the proof's transaction ${transaction} ended before its ROLLBACK (now in ${now})`);
}
