import { describe, expect, it } from 'vitest';
import { latestProjectFileVersion, migrateProjectFile, projectFileMigrations } from './projectFileMigrations.ts';

describe('project file migrations', () => {
  it('form a chain from version 1 with no gap', () => {
    projectFileMigrations.forEach((step, i) => expect(step.from).toBe(i + 1));
    expect(latestProjectFileVersion).toBe(projectFileMigrations.length + 1);
  });

  it('each step is pure: raises the version by one and leaves its input alone', () => {
    for (const step of projectFileMigrations) {
      const input = Object.freeze({
        format: 'erd-proof',
        version: step.from,
        schema: Object.freeze({ tables: [], relationships: [] }),
        layout: {},
      });
      const output = step.migrate(input);
      expect(output.version).toBe(step.from + 1);
      expect(input.version).toBe(step.from);
    }
  });

  it('1 -> 2 changes nothing but the version: a version-1 file has no sqlObjects', () => {
    const v1 = { format: 'erd-proof', version: 1, schema: { tables: [], relationships: [], enums: [] }, layout: {}, notes: [] };
    expect(projectFileMigrations[0]!.migrate(v1)).toEqual({ ...v1, version: 2 });
  });

  it('2 -> 3 changes nothing but the version: a version-2 file keeps no named versions, so it loads with none', () => {
    const v2 = { format: 'erd-proof', version: 2, schema: { tables: [], relationships: [], enums: [] }, layout: {}, notes: [] };
    expect(projectFileMigrations[1]!.migrate(v2)).toEqual({ ...v2, version: 3 });
  });

  it('migrates step by step to the latest version, and refuses versions it does not know', () => {
    expect(migrateProjectFile({ version: 1 }, 1)).toEqual({ version: latestProjectFileVersion });
    expect(migrateProjectFile({ version: latestProjectFileVersion, x: 1 }, latestProjectFileVersion)).toEqual({
      version: latestProjectFileVersion,
      x: 1,
    });
    expect(() => migrateProjectFile({}, 0)).toThrow(RangeError);
    expect(() => migrateProjectFile({}, latestProjectFileVersion + 1)).toThrow(RangeError);
    expect(() => migrateProjectFile({}, 1.5)).toThrow(RangeError);
  });

  it('keeps a __proto__ key as plain data without touching prototypes', () => {
    const file = JSON.parse('{"version":1,"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const migrated = migrateProjectFile(file, 1);
    expect(Object.getPrototypeOf(migrated)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
