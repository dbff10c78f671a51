import { plural, singular, withArticle, type ReferentialAction } from '../model/index.ts';
import { defaultDdlOptions, qualifiedName, quoteIdent, type Statement } from '../ddl/index.ts';
import type { Link } from './link.ts';
import { NotProvable, type RowPlanner, type RowValues } from './rowPlanner.ts';
import type { Expectation, Scenario, ScenarioKind, UnbuildableScenario, Verification } from './scenario.ts';

type Draft = Omit<Scenario, 'id' | 'relationshipId' | 'kind'>;

/** Builds a scenario, or records why it cannot be built honestly. */
export function attempt(
  relationshipId: Scenario['relationshipId'],
  kind: ScenarioKind,
  title: string,
  build: () => Draft,
  idSuffix = '',
): Scenario | UnbuildableScenario {
  const id = `${relationshipId}:${kind}${idSuffix}`;
  try {
    return { id, relationshipId, kind, ...build() };
  } catch (error) {
    if (error instanceof NotProvable) return { id, relationshipId, kind, title, notProvable: error.message };
    throw error;
  }
}

const list = (values: readonly string[]) => values.join(', ');
const where = (columns: readonly string[], values: readonly string[]) => `(${list(columns.map(quoteIdent))}) = (${list(values)})`;

/** What each action promises for the child row, as a check and in words. */
function effectOf(
  action: ReferentialAction,
  link: Link,
  child: { columns: string[]; values: string[] },
  newKey: string[] | null,
): { expected: Expectation; verify?: Verification; words: string } {
  const fk = link.foreignKey.map((c) => quoteIdent(c.name));
  const child1 = singular(link.childName);
  if (child.columns.length === 0 && action !== 'restrict' && action !== 'no action') {
    throw new NotProvable(
      `"${link.childName}" has no primary key and no column of its own to find its row by after ON ${newKey === null ? 'DELETE' : 'UPDATE'} ${action.toUpperCase()}`,
    );
  }
  const at = `FROM ${link.childRef} WHERE ${where(child.columns, child.values)}`;
  switch (action) {
    case 'cascade': {
      if (newKey === null) {
        return {
          expected: { outcome: 'accepted' },
          verify: { sql: `SELECT NOT EXISTS (SELECT 1 ${at}) AS ok;`, expectation: `the ${child1} is deleted too` },
          words: `its ${plural(link.childName)} go with it`,
        };
      }
      const moved = child.columns.map((c, i) => {
        const k = link.foreignKey.findIndex((f) => f.name === c);
        return k >= 0 ? newKey[k]! : child.values[i]!;
      });
      const sql = `SELECT EXISTS (SELECT 1 FROM ${link.childRef} WHERE ${where(child.columns, moved)} AND (${list(fk)}) = (${list(newKey)})) AS ok;`;
      return {
        expected: { outcome: 'accepted' },
        verify: { sql, expectation: `the ${child1} follows the new key` },
        words: `its ${plural(link.childName)} follow the new key`,
      };
    }
    case 'set null':
      return {
        expected: { outcome: 'accepted' },
        verify: {
          sql: `SELECT coalesce(bool_and(${fk.map((c) => `${c} IS NULL`).join(' AND ')}), false) AS ok ${at};`,
          expectation: `the ${child1}'s ${list(fk)} becomes NULL`,
        },
        words: `the ${child1}'s key becomes NULL`,
      };
    case 'set default': {
      const defaults = link.foreignKey.map((c) => c.defaultValue ?? 'NULL');
      const same = fk.map((c, i) => `${c} IS NOT DISTINCT FROM (${defaults[i]})`).join(' AND ');
      return {
        expected: { outcome: 'accepted' },
        verify: {
          sql: `SELECT coalesce(bool_and(${same}), false) AS ok ${at};`,
          expectation: `the ${child1}'s ${list(fk)} takes its default`,
        },
        words: `the ${child1}'s key takes its default`,
      };
    }
    case 'restrict':
      return {
        expected: { outcome: 'rejected', code: '23503', orCode: '23001' },
        words: `refused at once while ${withArticle(child1)} points at it`,
      };
    case 'no action':
      return { expected: { outcome: 'rejected', code: '23503' }, words: `refused while ${withArticle(child1)} points at it` };
  }
}

/** Deleting and re-keying a parent that has a child: what ON DELETE and ON UPDATE promise. */
export function actionScenarios(link: Link, planner: RowPlanner, suffix = ''): (Scenario | UnbuildableScenario)[] {
  const parent1 = singular(link.parent.name);
  const child1 = singular(link.childName);
  const parentRef = qualifiedName(link.parent.schemaName, link.parent.name, defaultDdlOptions);
  const keyNames = link.parentKey.map((c) => c.name);
  const arrange = (action: ReferentialAction) => {
    const setup: string[] = [];
    if (action === 'set default' && link.foreignKey.every((c) => c.defaultValue !== null)) {
      const defaults: RowValues = new Map(link.parentKey.map((c, i) => [c.id, link.foreignKey[i]!.defaultValue!]));
      setup.push(...planner.insert(link.parent, defaults).statements);
    }
    const parentRow = planner.insert(link.parent);
    const child = link.insertChild(parentRow.key);
    const keyValues = link.parentKey.map((c) => parentRow.key.get(c.id)!);
    return { setup: [...setup, ...parentRow.statements, ...child.statements, ...link.checkNow], child, keyValues };
  };
  const deleteTitle = `Deleting ${withArticle(parent1)} that has ${withArticle(child1)}`;
  const updateTitle = `Changing the key of ${withArticle(parent1)} that has ${withArticle(child1)}`;
  return [
    attempt(
      link.relationshipId,
      'deleteParent',
      deleteTitle,
      () => {
        const action = link.relationship.onDelete;
        const { setup, child, keyValues } = arrange(action);
        const effect = effectOf(action, link, child, null);
        const test = `DELETE FROM ${parentRef} WHERE ${where(keyNames, keyValues)};`;
        return {
          title: deleteTitle,
          because: `ON DELETE ${action.toUpperCase()}: ${effect.words}`,
          setup,
          test,
          expected: effect.expected,
          ...(effect.verify ? { verify: effect.verify } : {}),
        };
      },
      suffix,
    ),
    attempt(
      link.relationshipId,
      'updateParentKey',
      updateTitle,
      () => {
        const action = link.relationship.onUpdate;
        const { setup, child, keyValues } = arrange(action);
        const fresh = planner.freshKey(link.parent);
        const newKey = link.parentKey.map((c) => fresh.get(c.id)!);
        const effect = effectOf(action, link, child, newKey);
        const assignments = keyNames.map((c, i) => `${quoteIdent(c)} = ${newKey[i]}`).join(', ');
        const test = `UPDATE ${parentRef} SET ${assignments} WHERE ${where(keyNames, keyValues)};`;
        return {
          title: updateTitle,
          because: `ON UPDATE ${action.toUpperCase()}: ${effect.words}`,
          setup,
          test,
          expected: effect.expected,
          ...(effect.verify ? { verify: effect.verify } : {}),
        };
      },
      suffix,
    ),
  ];
}

/**
 * A parent with no child where the child end is mandatory: the deferred triggers refuse it at COMMIT.
 * The scenario asks for that check at once (SET CONSTRAINTS ... IMMEDIATE), as COMMIT would.
 */
export function parentWithoutChildScenario(
  link: Link,
  planner: RowPlanner,
  statements: readonly Statement[],
  because: string,
  suffix = '',
): Scenario | UnbuildableScenario {
  const title = `${withArticle(singular(link.parent.name), true)} with no ${singular(link.childName)}, at COMMIT`;
  return attempt(
    link.relationshipId,
    'parentWithoutChild',
    title,
    () => {
      const triggers = statements.filter(
        (s) => s.kind === 'createTrigger' && s.relationshipId === link.relationshipId && s.tableId === link.parent.id && s.constraintName,
      );
      if (triggers.length === 0) throw new NotProvable('the DDL has no trigger for this promise');
      if (link.childName === link.parent.name)
        throw new NotProvable(`a row of "${link.parent.name}" can be its own child, so a lone row keeps this promise`);
      const parentRow = planner.insert(link.parent);
      const names = triggers.map((t) => qualifiedName(link.parent.schemaName, t.constraintName!, defaultDdlOptions)).join(', ');
      return {
        title,
        because,
        setup: parentRow.statements,
        test: `SET CONSTRAINTS ${names} IMMEDIATE; -- what COMMIT checks`,
        expected: { outcome: 'rejected', code: '23503' },
      };
    },
    suffix,
  );
}
