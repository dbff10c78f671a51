/** Two schemas -> a migration as steps, up and down, matched by id, with what each step can do to existing rows. */
export * from './migration.ts';
export * from './diff.ts';
export * from './databaseObjects.ts';
export * from './alignByName.ts';
export * from './confirmedRenames.ts';
export * from './dataLosses.ts';
