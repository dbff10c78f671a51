import { describe, expect, it } from 'vitest';
import { connect, editColumn, emptySchema, renameTable, setEnd, setOneToOneStrategy, type Schema } from '../model/index.ts';
import { aSchema, ends, tableOf, withTable } from '../testing/factories.ts';
import { inScratchSchema, outcomeOf } from '../testing/testDatabase.ts';
import { generateDdl } from './generateDdl.ts';
import { toSqlText } from './statement.ts';

const sqlOf = (schema: Schema) => toSqlText(generateDdl(schema).statements);

describe('generateDdl', () => {
  it('puts a NOT NULL foreign key on the many side of a 1:N', async () => {
    const { schema } = aSchema(ends.exactlyOne, ends.zeroOrMany);
    const sql = sqlOf(schema);
    expect(sql).toContain('CREATE TABLE books (\n  id integer,\n  title text NOT NULL,\n  author_id integer NOT NULL,');
    expect(sql).toContain('ALTER TABLE books\n  ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id)\n  REFERENCES authors (id);');
    expect(sql).not.toContain('UNIQUE');
    await inScratchSchema(sql, async (pg) => {
      await pg.exec("INSERT INTO authors VALUES (1, 'a')");
      expect(await outcomeOf(pg, "INSERT INTO books VALUES (1, 't', 1), (2, 'u', 1)")).toBe('ok');
      expect(await outcomeOf(pg, "INSERT INTO books VALUES (3, 't', NULL)")).toBe('23502');
      expect(await outcomeOf(pg, "INSERT INTO books VALUES (3, 't', 9)")).toBe('23503');
    });
  });

  it('leaves the key nullable when the parent end is optional', async () => {
    const { schema } = aSchema(ends.zeroOrOne, ends.zeroOrMany);
    const sql = sqlOf(schema);
    expect(sql).toContain('  author_id integer,\n');
    await inScratchSchema(sql, async (pg) => {
      expect(await outcomeOf(pg, "INSERT INTO books VALUES (1, 't', NULL)")).toBe('ok');
    });
  });

  it('makes a 1:1 foreign key UNIQUE on the dependent side', async () => {
    const { schema } = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'authors', child: 'passport_info' });
    const sql = sqlOf(schema);
    expect(sql).toContain('ALTER TABLE passport_info\n  ADD CONSTRAINT passport_info_author_id_key UNIQUE (author_id);');
    await inScratchSchema(sql, async (pg) => {
      await pg.exec("INSERT INTO authors VALUES (1, 'a'); INSERT INTO passport_info VALUES (1, 't', 1);");
      expect(await outcomeOf(pg, "INSERT INTO passport_info VALUES (2, 'u', 1)")).toBe('23505');
    });
  });

  it("makes the dependent table's primary key its foreign key for a shared primary key", async () => {
    const base = aSchema(ends.exactlyOne, ends.zeroOrOne, { parent: 'country', child: 'capital' });
    const schema = setOneToOneStrategy(base.schema, base.relationshipId, 'sharedPrimaryKey');
    const sql = sqlOf(schema);
    expect(sql).toContain('ALTER TABLE capital\n  ADD CONSTRAINT capital_id_fkey FOREIGN KEY (id)\n  REFERENCES country (id);');
    expect(sql).not.toContain('UNIQUE');
    await inScratchSchema(sql, async (pg) => {
      expect(await outcomeOf(pg, "INSERT INTO capital VALUES (7, 'x')")).toBe('23503');
      await pg.exec("INSERT INTO country VALUES (7, 'c'); INSERT INTO capital VALUES (7, 'x');");
      expect(await outcomeOf(pg, "INSERT INTO capital VALUES (7, 'y')")).toBe('23505');
    });
  });

  it('builds a junction table for a many-to-many', async () => {
    const base = aSchema(ends.zeroOrMany, ends.zeroOrMany, { parent: 'students', child: 'courses' });
    const sql = sqlOf(base.schema);
    expect(sql).toContain(
      'CREATE TABLE students_courses (\n  student_id integer NOT NULL,\n  course_id integer NOT NULL,\n  CONSTRAINT students_courses_pkey PRIMARY KEY (student_id, course_id)\n);',
    );
    await inScratchSchema(sql, async (pg) => {
      await pg.exec(
        "INSERT INTO students VALUES (1, 's'); INSERT INTO courses VALUES (1, 'c'); INSERT INTO students_courses VALUES (1, 1);",
      );
      expect(await outcomeOf(pg, 'INSERT INTO students_courses VALUES (1, 1)')).toBe('23505');
      expect(await outcomeOf(pg, 'INSERT INTO students_courses VALUES (1, 2)')).toBe('23503');
    });
  });

  it('handles a self-reference', async () => {
    const { schema, tableId } = withTable(emptySchema, 'employees');
    const { schema: connected } = connect(schema, tableId, tableId, { from: ends.zeroOrOne, to: ends.zeroOrMany });
    await inScratchSchema(sqlOf(connected), async (pg) => {
      expect(await outcomeOf(pg, 'INSERT INTO employees VALUES (1, NULL), (2, 1)')).toBe('ok');
      expect(await outcomeOf(pg, 'INSERT INTO employees VALUES (3, 42)')).toBe('23503');
    });
  });

  it('quotes every name that needs it, including embedded quotes, and the SQL runs', async () => {
    const { schema: base, parentId, childId, relationshipId } = aSchema();
    let schema = renameTable(base, parentId, 'User "Accounts"');
    schema = renameTable(schema, childId, 'order');
    schema = setEnd(schema, relationshipId, 'to', ends.zeroOrOne);
    const title = tableOf(schema, childId).columns[1]!;
    schema = editColumn(schema, childId, title.id, { name: 'Größe', defaultValue: "'it''s'" });
    const sql = sqlOf(schema);
    expect(sql).toContain('CREATE TABLE "User ""Accounts""" (');
    expect(sql).toContain('CREATE TABLE "order" (');
    expect(sql).toContain(`"Größe" text NOT NULL DEFAULT 'it''s'`);
    await inScratchSchema(sql, async (pg) => {
      const tables = await pg.query<{ relname: string }>(
        "select relname from pg_class where relnamespace = 'scratch'::regnamespace and relkind = 'r' order by 1",
      );
      expect(tables.rows.map((r) => r.relname)).toEqual(['User "Accounts"', 'order']);
    });
  });

  it('is deterministic', () => {
    const { schema } = aSchema(ends.exactlyOne, ends.zeroOrOne);
    expect(sqlOf(structuredClone(schema))).toBe(sqlOf(schema));
  });

  it('generates nothing while the model has errors, and says why', () => {
    const { schema, childId } = aSchema();
    const broken = editColumn(schema, childId, tableOf(schema, childId).columns[1]!.id, { defaultValue: '1); DROP TABLE authors; --' });
    const result = generateDdl(broken);
    expect(result.statements).toEqual([]);
    expect(result.problems[0]).toMatchObject({ severity: 'error', tableId: childId });
  });

  it('records what each statement implements', () => {
    const { schema, childId, relationshipId } = aSchema();
    const kinds = generateDdl(schema).statements.map((s) => [s.kind, s.tableId ?? s.relationshipId]);
    expect(kinds).toContainEqual(['addForeignKey', childId]);
    expect(generateDdl(schema).statements.find((s) => s.kind === 'addForeignKey')?.relationshipId).toBe(relationshipId);
  });
});

describe('settings the script needs', () => {
  it('reads string constants with standard_conforming_strings on when any holds a backslash, so a session with it off cannot run what follows', () => {
    const { schema, parentId } = aSchema();
    const plain = generateDdl(schema).statements;
    expect(plain.some((s) => s.kind === 'setting')).toBe(false);
    const commented = {
      ...schema,
      tables: schema.tables.map((t) => (t.id === parentId ? { ...t, comment: "x\\'; DROP TABLE public.orders; --" } : t)),
    };
    const statements = generateDdl(commented).statements;
    expect(statements[0]).toEqual({ kind: 'setting', sql: 'SET standard_conforming_strings = on;' });
    expect(toSqlText(statements)).toContain("IS 'x\\''; DROP TABLE public.orders; --';");
  });
});
