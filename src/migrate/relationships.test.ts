import { afterAll, describe, expect, it } from 'vitest';
import {
  connect,
  deleteRelationship,
  editColumn,
  renameTable,
  setEnd,
  setIdentifying,
  setOneToOneStrategy,
  updateRelationship,
  type Schema,
} from '../model/index.ts';
import { aSchema, aTable, ends, tableOf } from '../testing/factories.ts';
import { closeEngines, engines } from '../testing/engines.ts';
import { expectMigrates, kindsOf } from '../testing/migrationCheck.ts';
import { diffSchemas } from './index.ts';

const { schema: base, parentId, relationshipId } = aSchema(ends.zeroOrOne, ends.zeroOrMany);
const rows = `INSERT INTO authors (id, name) VALUES (1, 'Ada'), (2, 'Bo'); INSERT INTO books (id, title, author_id) VALUES (1, 'Notes', 1), (2, 'Poems', 2);`;
const manyToMany = setEnd(base, relationshipId, 'from', ends.zeroOrMany);

describe('diffSchemas: relationships', () => {
  it('turns a 1:N into a 1:1 by adding the UNIQUE, before nothing else', () => {
    const { up, down } = diffSchemas(base, setEnd(base, relationshipId, 'to', ends.zeroOrOne));
    expect(up).toMatchObject([{ kind: 'addUnique', relationshipId, rejectsRows: expect.stringContaining('books') }]);
    expect(up[0]!.sql).toBe('ALTER TABLE books\n  ADD CONSTRAINT books_author_id_key UNIQUE (author_id);');
    expect(down).toMatchObject([{ kind: 'dropConstraint', sql: 'ALTER TABLE books DROP CONSTRAINT books_author_id_key;' }]);
  });

  it('changes ON DELETE by dropping and adding the foreign key with the same name', () => {
    const { up } = diffSchemas(base, updateRelationship(base, relationshipId, { onDelete: 'cascade' }));
    expect(kindsOf(up)).toEqual(['dropForeignKey', 'addForeignKey']);
    expect(up[1]!.sql).toContain('ON DELETE CASCADE');
  });
});

describe.each(engines)('relationships migrate on $engine.name', ({ engine, skip }) => {
  afterAll(closeEngines);
  describe.skipIf(Boolean(skip))(skip ? `skipped: ${skip}` : 'executed', () => {
    const migrates = async (to: Schema, from: Schema = base, data = rows) => expectMigrates(await engine.runner(), from, to, data);

    it('retypes a key a self-reference uses: its foreign key goes before and comes back after (found by the property test)', async () => {
      const { schema, tableId } = aTable('parts');
      const selfRef = connect(schema, tableId, tableId, { from: ends.zeroOrOne, to: ends.zeroOrMany }).schema;
      const id = tableOf(selfRef, tableId).columns.find((c) => c.isPrimaryKey)!;
      const textKeys = editColumn(selfRef, tableId, id.id, { type: 'text' });
      const parentRef = tableOf(textKeys, tableId).columns.find((c) => !c.isPrimaryKey && c.type === 'text');
      expect(parentRef, 'the model retypes the foreign key column with its key').toBeDefined();
      const { up } = diffSchemas(textKeys, selfRef);
      expect(kindsOf(up)).toEqual(['dropForeignKey', 'alterColumn', 'alterColumn', 'addForeignKey']);
      await migrates(selfRef, textKeys, `INSERT INTO parts (id, ${parentRef!.name}) VALUES ('1', NULL), ('2', '1');`);
    });

    it('1:N to 1:1 and back', async () => {
      await migrates(setEnd(base, relationshipId, 'to', ends.zeroOrOne));
    });

    it('optional to mandatory parent: NOT NULL on the key', async () => {
      const { up } = await migrates(setEnd(base, relationshipId, 'from', ends.exactlyOne));
      expect(up).toMatchObject([{ kind: 'alterColumn', rejectsRows: expect.stringContaining('author_id') }]);
    });

    it('mandatory child end: the constraint triggers come and go', async () => {
      const { up, down } = await migrates(setEnd(base, relationshipId, 'to', ends.oneOrMany));
      expect(kindsOf(up)).toEqual(['createTrigger', 'createTrigger', 'createTrigger', 'createTrigger']);
      expect(kindsOf(down)).toEqual(['dropTrigger', 'dropTrigger', 'dropTrigger', 'dropTrigger']);
    });

    it('renaming the parent remakes the triggers that name it and renames its key', async () => {
      const mandatory = setEnd(base, relationshipId, 'to', ends.oneOrMany);
      const { up } = await migrates(renameTable(mandatory, parentId, 'writers'), mandatory, '');
      expect(kindsOf(up)).toContain('renameTable');
      expect(kindsOf(up)).not.toContain('dropTable');
    });

    it('ON DELETE, ON UPDATE and deferrable', async () => {
      await migrates(updateRelationship(base, relationshipId, { onDelete: 'set null', onUpdate: 'cascade', isDeferrable: true }));
    });

    it('foreign key + UNIQUE to shared primary key', async () => {
      const oneToOne = setEnd(base, relationshipId, 'to', ends.zeroOrOne);
      await migrates(setOneToOneStrategy(oneToOne, relationshipId, 'sharedPrimaryKey'), oneToOne, '');
    });

    it('identifying and not', async () => {
      await migrates(setIdentifying(base, relationshipId, true));
    });

    it('many-to-many: the junction table is made, renamed and dropped', async () => {
      await migrates(manyToMany);
      const named = updateRelationship(manyToMany, relationshipId, { junction: { name: 'authorship', columns: [] } });
      const { up } = await migrates(named, manyToMany, '');
      expect(kindsOf(up)).toEqual(['renameTable', 'renameConstraint', 'renameConstraint', 'renameConstraint']);
      await migrates(deleteRelationship(named, relationshipId), named, '');
    });
  });
});
