import {
  describeCount,
  junctionTables,
  resolveAll,
  singular,
  withArticle,
  type Junction,
  type RelationshipId,
  type ResolvedForeignKey,
  type Schema,
} from '../model/index.ts';
import { defaultDdlOptions, generateDdl, qualifiedName, quoteIdent, type Statement } from '../ddl/index.ts';
import { foreignKeyLink, junctionLinks } from './link.ts';
import { actionScenarios, attempt, parentWithoutChildScenario } from './linkScenarios.ts';
import { NotProvable, RowPlanner, type RowValues } from './rowPlanner.ts';
import { domainBaseTypes } from './domainTypes.ts';
import type { FittedSamples } from './fitSamples.ts';
import type { Expectation, Scenario, UnbuildableScenario } from './scenario.ts';

const accepted: Expectation = { outcome: 'accepted' };
const rejected = (code: string): Expectation => ({ outcome: 'rejected', code });
type Built = Scenario | UnbuildableScenario;

/**
 * Every scenario that shows what the schema's relationships promise, in relationship order (only those
 * of `only` when given). `statements` is its DDL; `fitted`, sample values that meet its CHECKs. Each
 * relationship's sample values are numbered from the start, so its scenarios never depend on which others
 * are built; `continuousNumbers` numbers them across relationships instead, for rows kept side by side (the console's samples).
 */
export function buildScenarios(
  schema: Schema,
  statements: readonly Statement[] = generateDdl(schema).statements,
  fitted: FittedSamples = new Map(),
  { only, continuousNumbers = false }: { only?: ReadonlySet<RelationshipId>; continuousNumbers?: boolean } = {},
): Built[] {
  const resolved = resolveAll(schema);
  const planner = new RowPlanner(resolved, schema.enums, domainBaseTypes(schema.sqlObjects ?? []), fitted);
  const junctions = new Map(junctionTables(schema).map((j) => [j.relationshipId, j]));
  return resolved.flatMap((r) => {
    if (r.kind === 'invalid' || (only && !only.has(r.relationship.id))) return [];
    if (!continuousNumbers) planner.restart();
    if (r.kind === 'manyToMany') return junctionScenarios(junctions.get(r.relationship.id)!, planner, statements);
    return foreignKeyScenarios(r, planner, statements);
  });
}

function foreignKeyScenarios(r: ResolvedForeignKey, planner: RowPlanner, statements: readonly Statement[]): Built[] {
  const { child, parent, relationship } = r;
  const relId = relationship.id;
  const pointAt = (key: RowValues): RowValues => new Map(r.columns.map((c, i) => [c.id, key.get(r.parentColumns[i]!.id)!]));
  const [aChild, aParent] = [singular(child.name), singular(parent.name)];
  const childPerParent = `each ${aParent} has ${describeCount(r.childEnd, child.name)}`;
  const parentPerChild = `each ${aChild} belongs to ${describeCount(r.parentEnd, parent.name)}`;
  const keyColumns = r.columns.map((c) => c.name).join(', ');
  const isSelfOneToOne = child.id === parent.id && r.isUnique && r.isNotNull;
  const titles = {
    validChild: `${withArticle(aChild, true)} for an existing ${aParent}`,
    secondChild: `A second ${aChild} for the same ${aParent}`,
    orphanChild: `${withArticle(aChild, true)} whose ${aParent} does not exist`,
    nullForeignKey: `${withArticle(aChild, true)} with no ${aParent} (${keyColumns} is NULL)`,
  };
  const link = foreignKeyLink(r, planner, statements);
  const withParent = (children: number): { setup: string[]; test: string } => {
    if (isSelfOneToOne)
      throw new NotProvable(`a mandatory one-to-one from "${child.name}" to itself needs rows inserted in pairs with deferred constraints`);
    const parentRow = planner.insert(parent);
    const rows = Array.from({ length: children }, () => planner.insert(child, pointAt(parentRow.key)).statements);
    const test = rows.pop()!;
    return { setup: [...parentRow.statements, ...rows.flat(), ...test.slice(0, -1), ...link.checkNow], test: test.at(-1)! };
  };
  const alone = (key: RowValues): { setup: string[]; test: string } => {
    const row = planner.insert(child, key);
    return { setup: [...row.statements.slice(0, -1), ...link.checkNow], test: row.statements.at(-1)! };
  };
  return [
    attempt(relId, 'validChild', titles.validChild, () => ({
      title: titles.validChild,
      because: parentPerChild,
      ...withParent(1),
      expected: accepted,
    })),
    attempt(relId, 'secondChild', titles.secondChild, () => ({
      title: titles.secondChild,
      because: childPerParent,
      ...withParent(2),
      expected: r.isUnique ? rejected('23505') : accepted,
      keyColumns: r.columns.map((c) => c.name),
    })),
    attempt(relId, 'orphanChild', titles.orphanChild, () => ({
      title: titles.orphanChild,
      because: `${withArticle(aChild)} can only point at ${withArticle(aParent)} that exists`,
      ...alone(pointAt(planner.freshKey(parent))),
      expected: rejected('23503'),
    })),
    attempt(relId, 'nullForeignKey', titles.nullForeignKey, () => ({
      title: titles.nullForeignKey,
      because: parentPerChild,
      ...alone(new Map(r.columns.map((c) => [c.id, 'NULL']))),
      expected: r.isNotNull ? rejected('23502') : accepted,
    })),
    ...(r.childEnd.min === 1 ? [parentWithoutChildScenario(link, planner, statements, childPerParent)] : []),
    ...actionScenarios(link, planner),
  ];
}

function junctionScenarios(j: Junction, planner: RowPlanner, statements: readonly Statement[]): Built[] {
  const { from, to, relationship } = j.resolved;
  const relId = relationship.id;
  const columns = [...j.fromColumns, ...j.toColumns];
  const junctionRef = qualifiedName(j.schemaName, j.name, defaultDdlOptions);
  const insertPair = (fromKey: RowValues, toKey: RowValues) => {
    const extra = planner.requiredValues(j.extraColumns, j.name);
    const names = [...columns.map((c) => quoteIdent(c.name)), ...extra.keys()];
    const values = [
      ...j.fromColumns.map((c) => fromKey.get(c.references.id)!),
      ...j.toColumns.map((c) => toKey.get(c.references.id)!),
      ...extra.values(),
    ];
    return `INSERT INTO ${junctionRef} (${names.join(', ')}) VALUES (${values.join(', ')});`;
  };
  const both = () => {
    const a = planner.insert(from);
    const b = planner.insert(to);
    return { setup: [...a.statements, ...b.statements], fromKey: a.key, toKey: b.key };
  };
  const pairing = `${singular(from.name)} and ${singular(to.name)} are paired through ${j.name}`;
  const titles = {
    validChild: `${withArticle(j.name, true)} row pairing an existing ${singular(from.name)} and ${singular(to.name)}`,
    secondChild: `The same ${singular(from.name)} and ${singular(to.name)} paired twice`,
    orphanChild: `${withArticle(j.name, true)} row whose ${singular(to.name)} does not exist`,
    nullForeignKey: `${withArticle(j.name, true)} row with no ${singular(to.name)} (NULL key)`,
  };
  const [fromLink, toLink] = junctionLinks(j, planner, statements);
  const now = fromLink.checkNow;
  const mandatory: Built[] = [];
  if (relationship.to.min === 1) {
    mandatory.push(
      parentWithoutChildScenario(
        fromLink,
        planner,
        statements,
        `each ${singular(from.name)} has ${describeCount(relationship.to, to.name)}`,
        ':from',
      ),
    );
  }
  if (relationship.from.min === 1) {
    mandatory.push(
      parentWithoutChildScenario(
        toLink,
        planner,
        statements,
        `each ${singular(to.name)} has ${describeCount(relationship.from, from.name)}`,
        ':to',
      ),
    );
  }
  return [
    attempt(relId, 'validChild', titles.validChild, () => {
      const { setup, fromKey, toKey } = both();
      return {
        title: titles.validChild,
        because: pairing,
        setup: [...setup, ...now],
        test: insertPair(fromKey, toKey),
        expected: accepted,
      };
    }),
    attempt(relId, 'secondChild', titles.secondChild, () => {
      const { setup, fromKey, toKey } = both();
      const pair = insertPair(fromKey, toKey);
      return {
        title: titles.secondChild,
        because: 'a pair is recorded once',
        setup: [...setup, pair, ...now],
        test: pair,
        expected: rejected('23505'),
      };
    }),
    attempt(relId, 'orphanChild', titles.orphanChild, () => {
      const a = planner.insert(from);
      const test = insertPair(a.key, planner.freshKey(to));
      return {
        title: titles.orphanChild,
        because: 'a pair can only name rows that exist',
        setup: [...a.statements, ...now],
        test,
        expected: rejected('23503'),
      };
    }),
    attempt(relId, 'nullForeignKey', titles.nullForeignKey, () => {
      const a = planner.insert(from);
      const nulls = new Map(j.resolved.toKey.map((c) => [c.id, 'NULL']));
      return {
        title: titles.nullForeignKey,
        because: 'a pair needs both sides',
        setup: [...a.statements, ...now],
        test: insertPair(a.key, nulls),
        expected: rejected('23502'),
      };
    }),
    ...mandatory,
    ...actionScenarios(fromLink, planner, ':from'),
    ...(from.id === to.id ? [] : actionScenarios(toLink, planner, ':to')),
  ];
}
