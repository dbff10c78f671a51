import { describe, expect, it } from 'vitest';
import { importSql } from './importSql.ts';
import { parseProjectFile, serializeProjectFile } from './projectFile.ts';
import { testRunner } from '../testing/testDatabase.ts';

const script = `CREATE TABLE parent (a int, b int, code text CONSTRAINT parent_code_once UNIQUE, x int, y int, CONSTRAINT parent_identity PRIMARY KEY (b, a), CONSTRAINT parent_xy_once UNIQUE (x, y));
CREATE TABLE child (id int GENERATED ALWAYS AS IDENTITY (START WITH 7 CYCLE) PRIMARY KEY, code text CONSTRAINT child_code_ref REFERENCES parent (code), doubled int GENERATED ALWAYS AS (id * 2) STORED);`;

describe('project file: names and keys as the database had them', () => {
  it('writes and reads back kept names, key order, generated columns, identity options and alternate keys', async () => {
    const imported = await importSql(script, await testRunner());
    if (!imported.ok) throw new Error(imported.error.message);
    const document = { schema: imported.schema, layout: imported.layout };
    const loaded = parseProjectFile(serializeProjectFile(document));
    expect(loaded).toMatchObject({ ok: true });
    expect(loaded.ok && loaded.document.schema).toEqual(imported.schema);
    const text = serializeProjectFile(document);
    for (const field of [
      'primaryKeyName',
      'primaryKeyColumnIds',
      'uniqueConstraintName',
      'isConstraint',
      'generated',
      'identityOptions',
      'referencedColumnIds',
      'constraintName',
    ]) {
      expect(text).toContain(`"${field}"`);
    }
  });

  it('refuses an alternate key naming a column the referenced table does not have', async () => {
    const imported = await importSql(script, await testRunner());
    if (!imported.ok) throw new Error(imported.error.message);
    const json = JSON.parse(serializeProjectFile({ schema: imported.schema, layout: imported.layout }));
    json.schema.relationships[0].referencedColumnIds = ['col_missing'];
    expect(parseProjectFile(JSON.stringify(json))).toEqual({
      ok: false,
      error: 'schema.relationships.0.referencedColumnIds: no column "col_missing" in the referenced table',
    });
  });
});
