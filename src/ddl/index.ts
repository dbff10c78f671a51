/** Schema -> PostgreSQL DDL, as statements that say what each one implements. */
export * from './quoteIdent.ts';
export * from './constraintNames.ts';
export * from './options.ts';
export * from './sqlText.ts';
export * from './statement.ts';
export * from './generateDdl.ts';
export * from './sqlObjectStatements.ts';
export * from './keptRoutines.ts';
