/** Schema -> proof scenarios, and the runner that executes them against any SqlRunner. */
export * from './scenario.ts';
export * from './sampleValue.ts';
export * from './rowPlanner.ts';
export * from './buildScenarios.ts';
export * from './runProof.ts';
export * from './relationshipVerdicts.ts';
export * from './displayValue.ts';
export * from './scratchSchema.ts';
export * from './traceScenarios.ts';
export * from './sqlConsole.ts';
export * from './serverObjects.ts';
export * from './catalogSnapshot.ts';
export * from './catalogDifferences.ts';
export * from './sampleRows.ts';
export * from './migrationProof.ts';
export * from './migrationScope.ts';
