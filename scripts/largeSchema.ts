import { addColumn, addTable, connect, emptySchema, type Cardinality, type Schema } from '../src/model/index.ts';

/** A deterministic pseudo-random generator (mulberry32), so every bench run measures the same document. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ends: Cardinality[] = [
  { min: 1, max: 1 },
  { min: 0, max: 1 },
  { min: 0, max: 'many' },
  { min: 1, max: 'many' },
];

/** A schema of `tables` tables with a few columns each and `relationships` random relationships of every shape. */
export function largeSchema(tables: number, relationships: number, seed = 42): Schema {
  const next = random(seed);
  let schema = emptySchema;
  const ids = [];
  for (let i = 0; i < tables; i++) {
    const added = addTable(schema, `table_${String(i).padStart(4, '0')}`);
    schema = addColumn(added.schema, added.tableId, { name: 'name', type: 'text', isNotNull: true }).schema;
    schema = addColumn(schema, added.tableId, { name: 'created_at', type: 'timestamptz', defaultValue: 'now()' }).schema;
    ids.push(added.tableId);
  }
  for (let i = 0; i < relationships; i++) {
    const from = ids[Math.floor(next() * ids.length)]!;
    const to = ids[Math.floor(next() * ids.length)]!;
    const fromEnd = next() < 0.8 ? ends[Math.floor(next() * 2)]! : ends[2 + Math.floor(next() * 2)]!;
    const toEnd = ends[Math.floor(next() * ends.length)]!;
    schema = connect(schema, from, to, { from: fromEnd, to: toEnd }).schema;
  }
  return schema;
}
