import { describeCount, singular, withArticle, type RelationshipEnd, type RelationshipId, type TableId } from '../model/index.ts';
import type { NameAllocator } from './constraintNames.ts';
import type { DdlOptions } from './options.ts';
import { quoteIdent, quoteLiteral } from './quoteIdent.ts';
import { dollarQuote, identList, qualifiedName, sqlComment, unlessExists } from './sqlText.ts';
import type { Statement } from './statement.ts';

/** A promise foreign keys cannot keep: every parent row has at least one child row (a mandatory child end). */
export interface RequiredChild {
  relationshipId: RelationshipId;
  parent: { tableId: TableId; schemaName: string; name: string; ref: string; key: string[] };
  child: { name: string; ref: string; columns: string[] };
  /** The child end, for the message ("exactly one capital"). */
  childEnd: RelationshipEnd;
}

/**
 * Enforces a mandatory child end with two deferred constraint triggers, checked at COMMIT:
 * a parent inserted without a child fails, and so does removing a parent's last child.
 * They raise foreign_key_violation (23503), as a deferred foreign key would.
 */
export function requiredChildStatements(r: RequiredChild, names: NameAllocator, options: DdlOptions): Statement[] {
  const { relationshipId, parent, child } = r;
  const onParent = names.allocate(parent.name, ['needs', child.name], 'trg');
  const onChild = names.allocate(child.name, ['covers', parent.name], 'trg');
  const promise = `each ${singular(parent.name)} must have ${describeCount(r.childEnd, child.name)}`;
  const keyList = identList(parent.key);
  const escape = (text: string) => text.replaceAll('%', '%%');
  const detail = quoteLiteral(
    `Key (${escape(parent.key.join(', '))})=(${parent.key.map(() => '%s').join(', ')}) of "${escape(parent.name)}" has no row in "${escape(child.name)}".`,
  );
  const qualified = (alias: string, columns: readonly string[]) => columns.map((c) => `${alias}.${quoteIdent(c)}`).join(', ');
  /**
   * The trigger body: `values` are the parent key values to check (NEW's key on the parent, OLD's
   * reference on the child). Columns are qualified and column names win over PL/pgSQL variables,
   * so a key named `new` or `found` means the column.
   */
  const body = (name: string, values: string[], guard: string) =>
    [
      '#variable_conflict use_column',
      'BEGIN',
      `  IF ${guard}EXISTS (SELECT 1 FROM ${parent.ref} AS p WHERE (${qualified('p', parent.key)}) = (${values.join(', ')}))`,
      `     AND NOT EXISTS (SELECT 1 FROM ${child.ref} AS c WHERE (${qualified('c', child.columns)}) = (${values.join(', ')})) THEN`,
      '    RAISE EXCEPTION USING',
      "      ERRCODE = 'foreign_key_violation',",
      `      CONSTRAINT = ${quoteLiteral(name)},`,
      `      MESSAGE = ${quoteLiteral(promise)},`,
      `      DETAIL = format(${detail}, ${values.join(', ')});`,
      '  END IF;',
      '  RETURN NULL;',
      'END',
    ].join('\n');
  const newKey = parent.key.map((c) => `NEW.${quoteIdent(c)}`);
  const oldReference = child.columns.map((c) => `OLD.${quoteIdent(c)}`);
  const oldIsSet = `${oldReference.map((v) => `${v} IS NOT NULL`).join(' AND ')}\n     AND `;
  const orReplace = options.ifNotExists ? 'OR REPLACE ' : '';
  const functionName = (name: string) => qualifiedName(parent.schemaName, name, options);
  const functionSql = (name: string, body: string) =>
    `CREATE ${orReplace}FUNCTION ${functionName(name)}() RETURNS trigger\nLANGUAGE plpgsql AS ${dollarQuote(body)};`;
  const triggerSql = (name: string, events: string, table: string) =>
    unlessExists(
      `CREATE CONSTRAINT TRIGGER ${quoteIdent(name)}\n  AFTER ${events} ON ${table}\n  DEFERRABLE INITIALLY DEFERRED\n  FOR EACH ROW EXECUTE FUNCTION ${functionName(name)}();`,
      options,
    );
  const how = [
    `"${promise}" is checked at COMMIT by the two deferred triggers below.`,
    `Insert ${withArticle(singular(parent.name))} and its ${singular(child.name)} in one transaction:`,
    `  BEGIN;`,
    `  INSERT INTO ${parent.ref} (${keyList}, ...) VALUES (...);`,
    `  INSERT INTO ${child.ref} (${identList(child.columns)}, ...) VALUES (...);`,
    `  COMMIT;`,
  ];
  return [
    { kind: 'note', relationshipId, sql: sqlComment(how.join('\n')) },
    { kind: 'createFunction', relationshipId, sql: functionSql(onParent, body(onParent, newKey, '')) },
    {
      kind: 'createTrigger',
      relationshipId,
      tableId: parent.tableId,
      constraintName: onParent,
      sql: triggerSql(onParent, 'INSERT OR UPDATE', parent.ref),
    },
    { kind: 'createFunction', relationshipId, sql: functionSql(onChild, body(onChild, oldReference, oldIsSet)) },
    { kind: 'createTrigger', relationshipId, constraintName: onChild, sql: triggerSql(onChild, 'DELETE OR UPDATE', child.ref) },
  ];
}
