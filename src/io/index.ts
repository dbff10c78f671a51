/** Files and formats. */
export * from './projectFile.ts';
export * from './mermaid.ts';
export * from './shareLink.ts';
export * from './importSql.ts';
export * from './importSqlInPglite.ts';
export { splitSql, type ScriptPiece } from './splitSql.ts';
export * from './importNotes.ts';
