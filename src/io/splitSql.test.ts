import { describe, expect, it } from 'vitest';
import { splitSql } from './splitSql.ts';

const statements = (script: string) => splitSql(script).map((p) => [p.kind, p.line, p.text]);

describe('splitSql', () => {
  it('gives each statement the line of its first token, leaving leading comments out', () => {
    expect(statements('-- header\n\nCREATE TABLE a (id int);\n/* block\n comment */ CREATE TABLE b (id int);')).toEqual([
      ['statement', 3, 'CREATE TABLE a (id int);'],
      ['statement', 5, 'CREATE TABLE b (id int);'],
    ]);
  });

  it('keeps semicolons inside strings, E strings, quoted names, comments and dollar quotes', () => {
    const script = [
      `INSERT INTO t VALUES ('a;b', E'it\\'s; ok', 'x''y;');`,
      `CREATE TABLE "we;ird" (c int); -- trailing; comment`,
      `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END $body$;`,
      `DO $$ BEGIN PERFORM 1; END $$;`,
      `/* nested /* ; */ still comment ; */ SELECT 1;`,
    ].join('\n');
    expect(splitSql(script).map((p) => p.line)).toEqual([1, 2, 3, 4, 5]);
    expect(splitSql(script)[2]!.text).toContain('$body$;');
  });

  it('does not end a statement inside parentheses or a BEGIN ATOMIC body', () => {
    const script = `CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;\n  SELECT 2;\nEND;\nCREATE RULE r AS ON INSERT TO t DO ALSO (SELECT 1; SELECT 2);\nSELECT 3;`;
    expect(statements(script).map(([, line]) => line)).toEqual([1, 6, 7]);
  });

  it('reads the data rows of COPY ... FROM stdin up to \\. and resumes after them', () => {
    const script = `COPY public.t (a, b) FROM stdin;\n1\tx;y\n2\t'quote\n\\.\nCREATE TABLE after_copy (id int);\n`;
    expect(splitSql(script)).toEqual([
      { kind: 'statement', line: 1, text: 'COPY public.t (a, b) FROM stdin;' },
      { kind: 'copyData', line: 2, text: '', rows: 2 },
      { kind: 'statement', line: 5, text: 'CREATE TABLE after_copy (id int);' },
    ]);
  });

  it('takes psql meta-commands as their own pieces and keeps the last statement without a semicolon', () => {
    expect(statements('\\connect mydb\n\\restrict abc\nCREATE TABLE t (id int)')).toEqual([
      ['metaCommand', 1, '\\connect mydb'],
      ['metaCommand', 2, '\\restrict abc'],
      ['statement', 3, 'CREATE TABLE t (id int)'],
    ]);
  });

  it('treats $ inside names and $1 parameters as ordinary characters', () => {
    expect(statements('CREATE TABLE a$b (c$1 int);\nPREPARE p AS SELECT $1;')).toEqual([
      ['statement', 1, 'CREATE TABLE a$b (c$1 int);'],
      ['statement', 2, 'PREPARE p AS SELECT $1;'],
    ]);
  });

  it('skips a byte-order mark and reads Windows line ends', () => {
    expect(statements('\uFEFFCREATE TABLE a (id int);\r\nCOPY a FROM stdin;\r\n1\r\n\\.\r\nSELECT 1;')).toEqual([
      ['statement', 1, 'CREATE TABLE a (id int);'],
      ['statement', 2, 'COPY a FROM stdin;'],
      ['copyData', 3, ''],
      ['statement', 5, 'SELECT 1;'],
    ]);
  });

  it('ends cleanly on unterminated strings and comments', () => {
    expect(splitSql("SELECT 'open").length).toBe(1);
    expect(splitSql('SELECT 1; /* open').length).toBe(1);
    expect(splitSql('SELECT $x$ open').length).toBe(1);
  });
});
