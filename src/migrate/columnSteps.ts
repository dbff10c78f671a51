import { quoteIdent } from '../ddl/index.ts';
import { typeFamily, type IdentityOptions } from '../model/index.ts';
import type { DbColumn, DbTable } from './databaseObjects.ts';
import type { MigrationStep } from './migration.ts';
import { orderRenames } from './orderRenames.ts';
import { idsOf, keptTables, tableRef, type Plan } from './plan.ts';

/** Columns whose generated expression appeared or changed: PostgreSQL cannot add one to a column, so they are dropped and added. */
export function replacedColumns(from: Map<string, DbTable>, to: Map<string, DbTable>): Set<string> {
  const replaced = new Set<string>();
  for (const t of to.values()) {
    const before = from.get(t.key);
    for (const c of t.columns) {
      const old = before?.columns.find((o) => o.key === c.key);
      if (!old || !c.generated) continue;
      if (!old.generated || old.generated.expression !== c.generated.expression || old.generated.kind !== c.generated.kind)
        replaced.add(c.key);
    }
  }
  return replaced;
}

/** Columns dropped, added (NOT NULL ones without a default in three steps), renamed and altered, in their phases. */
export function planColumns(plan: Plan): void {
  for (const [before, after] of keptTables(plan)) {
    const step = (c: DbColumn, kind: MigrationStep['kind'], sql: string, risk: Partial<MigrationStep> = {}): MigrationStep => ({
      kind,
      ...idsOf(after.key, c.key),
      sql,
      ...risk,
    });
    const ref = tableRef(after);
    const where = `${after.name}.`;
    for (const old of before.columns) {
      if (after.columns.some((c) => c.key === old.key) && !plan.replaced.has(old.key)) continue;
      const stays = plan.replaced.has(old.key);
      plan.phases.dropColumns.push(
        step(old, 'dropColumn', `ALTER TABLE ${tableRef(before)} DROP COLUMN ${quoteIdent(old.name)};`, {
          ...(stays && old.generated ? {} : { losesData: `drops column ${before.name}.${old.name} and its values` }),
          ...(stays ? { comment: 'made again below: PostgreSQL cannot change a column into a generated one in place' } : {}),
        }),
      );
    }
    const staying = before.columns.filter((o) => !plan.replaced.has(o.key) && after.columns.some((c) => c.key === o.key));
    const changes = staying.map((o) => ({ key: o.key, from: o.name, to: after.columns.find((c) => c.key === o.key)!.name }));
    for (const r of orderRenames(
      changes,
      staying.map((o) => o.name),
    ))
      plan.phases.renames.push({
        kind: 'renameColumn',
        ...idsOf(after.key, r.key),
        sql: `ALTER TABLE ${ref} RENAME COLUMN ${quoteIdent(r.from)} TO ${quoteIdent(r.to)};`,
      });
    for (const c of after.columns) {
      const old = plan.replaced.has(c.key) ? undefined : before.columns.find((o) => o.key === c.key);
      if (!old) {
        plan.phases.addColumns.push(...addColumn(c, ref, where, step));
        continue;
      }
      const alter = (clause: string, risk?: Partial<MigrationStep>) =>
        step(c, 'alterColumn', `ALTER TABLE ${ref} ALTER COLUMN ${quoteIdent(c.name)} ${clause};`, risk);
      const typeChanges = old.typeKey !== c.typeKey || old.collation !== c.collation;
      const steps = plan.phases.alterColumns;
      if (old.defaultValue !== null && (old.defaultValue !== c.defaultValue || typeChanges)) steps.push(alter('DROP DEFAULT'));
      if (old.identity && !c.identity) steps.push(alter('DROP IDENTITY'));
      if (old.generated && !c.generated) steps.push(alter('DROP EXPRESSION'));
      if (typeChanges) steps.push(alter(typeClause(old, c), typeRisk(old, c, where)));
      if (old.notNull && !c.notNull) steps.push(alter('DROP NOT NULL'));
      if (c.defaultValue !== null && (old.defaultValue !== c.defaultValue || typeChanges))
        steps.push(alter(`SET DEFAULT ${c.defaultValue}`));
      if (old.identity && c.identity && old.identity !== c.identity)
        steps.push(alter(`SET GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`));
      if (old.identity && c.identity) {
        const options = identityOptionChanges(old.identityOptions, c.identityOptions);
        if (options) steps.push(alter(options));
      }
      if (!old.notNull && c.notNull)
        plan.phases.setNotNull.push(alter('SET NOT NULL', { rejectsRows: `fails while a row of ${after.name} has no ${c.name} (NULL)` }));
      if (!old.identity && c.identity)
        plan.phases.setNotNull.push(
          alter(`ADD ${identityClause(c)}`, {
            comment: `the new sequence starts afresh: if ${where}${c.name} holds values, move it past them (setval)`,
          }),
        );
    }
  }
}

/** ADD COLUMN; a NOT NULL column with no default goes in nullable, waits to be filled, then becomes NOT NULL. */
function addColumn(
  c: DbColumn,
  ref: string,
  where: string,
  step: (c: DbColumn, kind: MigrationStep['kind'], sql: string, risk?: Partial<MigrationStep>) => MigrationStep,
): MigrationStep[] {
  const needsFilling = c.notNull && c.defaultValue === null && !c.identity && !c.generated;
  if (!needsFilling) return [step(c, 'addColumn', `ALTER TABLE ${ref} ADD COLUMN ${c.definition};`)];
  return [
    step(c, 'addColumn', `ALTER TABLE ${ref} ADD COLUMN ${c.nullableDefinition};`),
    step(c, 'fillColumn', '', { comment: `fill ${where}${c.name} here: it must have a value in every existing row before SET NOT NULL` }),
    step(c, 'setNotNull', `ALTER TABLE ${ref} ALTER COLUMN ${quoteIdent(c.name)} SET NOT NULL;`, {
      rejectsRows: `fails while a row of ${where.slice(0, -1)} has no ${c.name}: fill it first`,
    }),
  ];
}

/**
 * `TYPE new USING col::new`, always with USING (PostgreSQL needs it where there is no assignment cast; it is
 * harmless elsewhere). Between types with no cast of their own (bigint to uuid, an enum to anything) the
 * value goes through its text form, which any type reads; numbers and strings cast directly (so 1.5 rounds).
 */
function typeClause(old: DbColumn, c: DbColumn): string {
  const collate = c.collation ? ` COLLATE ${c.collation.split('.').map(quoteIdent).join('.')}` : '';
  const array = old.typeKey.endsWith('[]');
  const viaText = castsDirectly(old.typeKey, c.typeKey) ? '' : array ? '::text[]' : '::text';
  return `TYPE ${c.type}${collate} USING ${quoteIdent(c.name)}${viaText}::${c.type}`;
}

/** Whether PostgreSQL has a cast between two types' families: numbers among themselves, anything to or from a string, within a family. */
function castsDirectly(from: string, to: string): boolean {
  if (from.startsWith('enum:') || to.startsWith('enum:')) return false;
  const group = (type: string) => {
    const family = typeFamily(type.replace(/\[\]$/, ''));
    return ['integer', 'numeric', 'real', 'double precision', 'float4', 'float8'].includes(family) ? 'number' : family;
  };
  return group(from) === group(to) || group(from) === 'text' || group(to) === 'text';
}

const widening: [RegExp, RegExp][] = [
  [/^smallint$|^int2$/, /^(integer|int|int4|bigint|int8|numeric|text)$/],
  [/^(integer|int|int4)$/, /^(bigint|int8|numeric|text)$/],
  [/^(bigint|int8)$/, /^(numeric|text)$/],
  [/^(varchar|character varying)(\(\d+\))?$/, /^(text|varchar|character varying)$/],
  [/^real$|^float4$/, /^(double precision|float8)$/],
];

/** A type change that can cut or reject values is marked; known widenings (integer to bigint, varchar(n) to text or longer) are not. */
function typeRisk(old: DbColumn, c: DbColumn, where: string): Partial<MigrationStep> {
  const length = (key: string) => /^(?:varchar|character varying)\((\d+)\)$/.exec(key)?.[1];
  const [a, b] = [length(old.typeKey), length(c.typeKey)];
  if (old.collation === c.collation) {
    if (a && b && Number(b) >= Number(a)) return {};
    if (widening.some(([from, to]) => from.test(old.typeKey) && to.test(c.typeKey))) return {};
  }
  return {
    losesData: `converts ${where}${c.name} from ${old.type} to ${c.type}: values that do not fit are cut, rounded or rejected`,
  };
}

/** `GENERATED ALWAYS AS IDENTITY (START WITH ...)` for ADD. */
function identityClause(c: DbColumn): string {
  const words = identityWords(c.identityOptions ?? {}, false);
  return `GENERATED ${c.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${words.length > 0 ? ` (${words.join(' ')})` : ''}`;
}

/** `SET INCREMENT BY 10 SET NO MAXVALUE...` for the identity options that differ, back to PostgreSQL's default where one is gone; '' when none. */
function identityOptionChanges(old: IdentityOptions = {}, next: IdentityOptions = {}): string {
  const changed: { [K in keyof IdentityOptions]?: IdentityOptions[K] | null } = {};
  for (const key of ['start', 'increment', 'minValue', 'maxValue', 'cache', 'cycle'] as const)
    if (old[key] !== next[key]) Object.assign(changed, { [key]: next[key] ?? null });
  return identityWords(changed, true)
    .map((w) => `SET ${w}`)
    .join(' ');
}

/** Sequence option words; with `resets`, a null option returns to its default. */
function identityWords(options: { [K in keyof IdentityOptions]?: IdentityOptions[K] | null }, resets: boolean): string[] {
  const words: string[] = [];
  const word = (key: 'increment' | 'minValue' | 'maxValue' | 'start' | 'cache', set: string, reset: string) => {
    if (options[key] !== undefined && options[key] !== null) words.push(`${set} ${String(options[key])}`);
    else if (resets && options[key] === null) words.push(reset);
  };
  word('increment', 'INCREMENT BY', 'INCREMENT BY 1');
  word('minValue', 'MINVALUE', 'NO MINVALUE');
  word('maxValue', 'MAXVALUE', 'NO MAXVALUE');
  word('start', 'START WITH', 'START WITH 1');
  word('cache', 'CACHE', 'CACHE 1');
  if (options.cycle === true) words.push('CYCLE');
  else if (resets && (options.cycle === false || options.cycle === null)) words.push('NO CYCLE');
  return words;
}
