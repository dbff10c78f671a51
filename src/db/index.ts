/** SqlRunner implementations and database start-up. */
export * from './pgliteRunner.ts';
export * from './startPglite.ts';
export * from './pgliteExtensions.ts';
export * from './backendPlans.ts';
export * from './postgresRunner.ts';
export * from './roleRisk.ts';
