/** The domain: schema types, lookups, derived relationship facts and pure edits. */
export * from './ids.ts';
export * from './schema.ts';
export * from './cardinality.ts';
export * from './lookup.ts';
export * from './naming.ts';
export * from './resolve.ts';
export * from './tableEdits.ts';
export * from './relationshipEdits.ts';
export * from './deletions.ts';
export * from './describe.ts';
export * from './sqlRunner.ts';
export * from './sqlFragments.ts';
export * from './validate.ts';
export * from './lint.ts';
export * from './junction.ts';
export * from './fragment.ts';
export * from './notes.ts';
