import fc from 'fast-check';
import {
  addColumn,
  addTable,
  connect,
  emptySchema,
  hiddenCharacterProblem,
  maxIdentifierBytes,
  setOneToOneStrategy,
  updateRelationship,
  validateSchema,
  type Cardinality,
  makeCheck,
  updateTableFields,
  referentialActions,
  type Schema,
  type SqlObject,
} from '../model/index.ts';
import { quotedKeywords } from '../ddl/pgKeywords.ts';

const encoder = new TextEncoder();

/** Cuts a name to at most `bytes` UTF-8 bytes on a character boundary. */
function fitBytes(name: string, bytes: number): string {
  let out = '';
  for (const ch of name) {
    if (encoder.encode(out + ch).length > bytes) break;
    out += ch;
  }
  return out;
}

/** Names a user might type: keywords, upper case, quotes, Unicode, and names right at the 63-byte limit. */
const identifierArb: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(...[...quotedKeywords].slice(0, 40), 'user', 'order', 'Group', 'ID', 'select'),
    fc.string({ unit: fc.constantFrom('a', 'B', '_', '"', "'", ' ', '$', '%', '-', '*', '/', '.', ';'), minLength: 1, maxLength: 12 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
    fc.string({ unit: fc.constantFrom('é', 'ü', '漢', '字', 'x', '_'), minLength: 30, maxLength: 70 }),
  )
  // Names may not hold control, invisible or text-direction characters (a grapheme may be U+3164): the validator says so.
  .map(
    (name) =>
      fitBytes(
        [...name]
          .filter((ch) => !hiddenCharacterProblem(ch))
          .join('')
          .trim(),
        maxIdentifierBytes - 4,
      ).trim() || 'x',
  );

const endArb: fc.Arbitrary<Cardinality> = fc.constantFrom<Cardinality>(
  { min: 1, max: 1 },
  { min: 0, max: 1 },
  { min: 1, max: 'many' },
  { min: 0, max: 'many' },
);
const actionArb = fc.constantFrom(...referentialActions);
const typeArb = fc.constantFrom(
  'integer',
  'bigint',
  'text',
  'varchar(20)',
  'numeric(8, 2)',
  'boolean',
  'date',
  'timestamptz',
  'uuid',
  'jsonb',
  'int[]',
  'mood',
  'positive',
);

/** Defaults for each type, spelled as PostgreSQL prints them back (so a round trip through the catalog keeps them). */
const defaultsByType: Record<string, string[]> = {
  integer: ['0', '42'],
  bigint: ['0'],
  text: ["'draft'::text", "'it''s; -- fine'::text"],
  'varchar(20)': ["'x'::character varying"],
  'numeric(8, 2)': ['0.0'],
  boolean: ['false', 'true'],
  date: ['CURRENT_DATE'],
  timestamptz: ['now()'],
  uuid: ['gen_random_uuid()'],
  jsonb: ["'{}'::jsonb"],
  'int[]': ["'{}'::integer[]"],
  mood: ["'calm'::mood"],
  positive: ['1'],
};

/** The enum and the kept domain the random documents' columns may use (`mood`, `positive`), and kept objects beside them. */
const moodEnum = { id: 'enum_mood', name: 'mood', schemaName: 'public', values: ['calm', "it's; busy"] };
const keptObjects: SqlObject[] = [
  {
    id: 'sql_positive',
    kind: 'domain',
    name: 'positive',
    sql: 'CREATE DOMAIN positive AS integer\n    CONSTRAINT positive_check CHECK ((VALUE > 0));',
  },
  {
    id: 'sql_noon',
    kind: 'function',
    name: 'noon()',
    sql: "CREATE OR REPLACE FUNCTION public.noon()\n RETURNS time without time zone\n LANGUAGE sql\n IMMUTABLE\nAS $function$ SELECT '12:00'::time $function$;",
  },
];

/** A random document that passes validation: random names, keys, ends, 1:1 strategies and actions. */
export const schemaArb: fc.Arbitrary<Schema> = fc
  .record({
    tables: fc.array(
      fc.record({
        name: identifierArb,
        keyType: fc.constantFrom('integer', 'bigint', 'uuid', 'text'),
        compositeKey: fc.boolean(),
        columns: fc.array(
          fc.record({
            name: identifierArb,
            type: typeArb,
            isNotNull: fc.boolean(),
            isUnique: fc.boolean(),
            defaultChoice: fc.option(fc.nat(), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        hasCheck: fc.boolean(),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    relationships: fc.array(
      fc.record({
        from: fc.nat(),
        to: fc.nat(),
        fromEnd: endArb,
        toEnd: endArb,
        shared: fc.boolean(),
        onDelete: actionArb,
        onUpdate: actionArb,
        isDeferrable: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ tables, relationships }) => {
    let schema = emptySchema;
    const usedTableNames = new Set<string>();
    for (const t of tables) {
      let name = t.name;
      for (let n = 2; usedTableNames.has(name); n++) name = `${t.name}_${n}`;
      usedTableNames.add(name);
      const added = addTable(schema, name);
      schema = added.schema;
      const taken = new Set(['id']);
      const unique = (base: string) => {
        let candidate = base;
        for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
        taken.add(candidate);
        return candidate;
      };
      schema = {
        ...schema,
        tables: schema.tables.map((x) =>
          x.id === added.tableId ? { ...x, columns: x.columns.map((c) => ({ ...c, type: t.keyType })) } : x,
        ),
      };
      if (t.compositeKey)
        schema = addColumn(schema, added.tableId, { name: unique('part'), type: 'integer', isPrimaryKey: true, isNotNull: true }).schema;
      for (const { defaultChoice, ...c } of t.columns) {
        const defaults = defaultsByType[c.type] ?? [];
        const defaultValue = defaultChoice === undefined || defaults.length === 0 ? null : defaults[defaultChoice % defaults.length]!;
        schema = addColumn(schema, added.tableId, { ...c, name: unique(c.name), defaultValue }).schema;
      }
      if (t.hasCheck)
        schema = updateTableFields(schema, added.tableId, { checks: [makeCheck({ name: '', expression: '(id IS NOT NULL)' })] });
    }
    for (const r of relationships) {
      const from = schema.tables[r.from % schema.tables.length]!.id;
      const to = schema.tables[r.to % schema.tables.length]!.id;
      const connected = connect(schema, from, to, { from: r.fromEnd, to: r.toEnd });
      schema = updateRelationship(connected.schema, connected.relationshipId, {
        onDelete: r.onDelete,
        onUpdate: r.onUpdate,
        isDeferrable: r.isDeferrable,
      });
      if (r.shared) schema = setOneToOneStrategy(schema, connected.relationshipId, 'sharedPrimaryKey');
    }
    const uses = (type: string) => schema.tables.some((t) => t.columns.some((c) => c.type === type));
    return withoutErrors({ ...schema, enums: uses('mood') ? [moodEnum] : [], ...(uses('positive') ? { sqlObjects: keptObjects } : {}) });
  });

/** Repairs what random choices break (an impossible action, mismatched shared keys, names pushed past 63 bytes). */
function withoutErrors(schema: Schema): Schema {
  let current = schema;
  for (let round = 0; round < 4; round++) {
    const errors = validateSchema(current).filter((p) => p.severity === 'error');
    if (errors.length === 0) return current;
    for (const p of errors) {
      if (p.relationshipId) {
        current = updateRelationship(current, p.relationshipId, { onDelete: 'no action', onUpdate: 'no action' });
        if (round > 0) current = { ...current, relationships: current.relationships.filter((r) => r.id !== p.relationshipId) };
        if (round === 0) current = setOneToOneStrategy(current, p.relationshipId, 'foreignKeyUnique');
      } else if (p.columnId && p.tableId) {
        current = {
          ...current,
          tables: current.tables.map((t) =>
            t.id === p.tableId
              ? { ...t, columns: t.columns.map((c) => (c.id === p.columnId ? { ...c, name: `c_${c.id.slice(-8)}` } : c)) }
              : t,
          ),
        };
      }
    }
  }
  return current;
}
