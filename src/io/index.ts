/** Files and formats. */
export * from './projectFile.ts';
