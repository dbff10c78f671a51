/** Files and formats. */
export * from './projectFile.ts';
export * from './mermaid.ts';
export * from './shareLink.ts';
