import { describe, expect, it } from 'vitest';
import { checkSqlFragment, hiddenCharacterProblem, visibleText, type FragmentKind } from './sqlFragments.ts';

describe('checkSqlFragment reads SQL text with PostgreSQL’s own parser', () => {
  it.each([
    'integer',
    'varchar(80)',
    'numeric(10, 2)',
    'timestamp with time zone',
    'int[]',
    'public.mood',
    'character varying(20)',
    'geometry(Polygon,4326)',
    '"€e"',
    'double precision',
  ])('accepts the type %s', (type) => expect(checkSqlFragment(type, 'type')).toBeUndefined());
  it.each([
    'now()',
    "'draft'",
    "'it''s; fine -- really'",
    'gen_random_uuid()',
    'coalesce(1, 2)',
    'NULL',
    'NULL::character varying',
    "E'it\\'s'",
    "'C:\\temp'",
    '$$x$$',
    "'{}'::jsonb",
    "nextval('a_id_seq'::regclass)",
  ])('accepts the default %s', (value) => expect(checkSqlFragment(value, 'default')).toBeUndefined());
  it.each(['price >= 0', "status IN ('a', 'b')", 'length(name) > 0 AND (x IS NULL OR x > 1)', 'ok(c)'])('accepts the CHECK %s', (text) =>
    expect(checkSqlFragment(text, 'check')).toBeUndefined(),
  );
  it('accepts generated expressions, index expressions and predicates', () => {
    expect(checkSqlFragment('price * 2', 'generated')).toBeUndefined();
    expect(checkSqlFragment('lower(email)', 'indexExpression')).toBeUndefined();
    expect(checkSqlFragment('deleted_at IS NULL', 'indexPredicate')).toBeUndefined();
  });

  it.each([
    ['1); DROP TABLE x; --', /comment|";"|without its opening/],
    ['1 -- comment', /comment/],
    ['1 /* c */', /comment/],
    ["'open", /cannot read|unclosed/],
    ['1, evil int', /comma outside/],
    ['1\r', /control character/],
    ['1 2', /not one expression/],
  ])('refuses the default %s', (value, message) => expect(checkSqlFragment(value, 'default')).toMatch(message));

  it('refuses the reproduced attack: an E string after a letter PostgreSQL reads as part of a name', () => {
    const attack = "€e'\\'::text); DROP TABLE IF EXISTS public.victim; CREATE TABLE notes_2 (id int, --'";
    expect(checkSqlFragment(attack, 'default')).toBeDefined();
    // With a no-break space in place of €, it reads like a real E'…' string to a person.
    expect(checkSqlFragment(attack.replace('€', '\u00a0'), 'default')).toBeDefined();
    expect(checkSqlFragment(attack, 'check')).toBeDefined();
    expect(checkSqlFragment(attack.replace('::text)', '::text'), 'type')).toBeDefined();
  });

  it.each([
    ['integer REFERENCES victim (id) ON DELETE CASCADE', 'type'],
    ['integer PRIMARY KEY', 'type'],
    ['text COLLATE "C"', 'type'],
    ['0 PRIMARY KEY', 'default'],
    ['0 NOT NULL', 'default'],
    ['0 CHECK (false)', 'default'],
    ['true) NO INHERIT', 'check'],
    ['text STORAGE plain', 'type'],
    ['text COMPRESSION pglz', 'type'],
    ['setof int', 'type'],
  ] as const)('refuses %s, which would add a clause the diagram does not show', (text, kind: FragmentKind) => {
    expect(checkSqlFragment(text, kind)).toBeDefined();
  });

  it('says where PostgreSQL stopped reading', () => {
    expect(checkSqlFragment('now() +', 'default')).toMatch(/ends before the default is complete/);
    expect(checkSqlFragment('1 + + FROM', 'default')).toMatch(/syntax error at or near "FROM" \(character 7\)/);
  });
});

describe('hiddenCharacterProblem', () => {
  it.each(['\u202Eevil', 'a\u200Bb', '\uFEFFx', 'x\u2066y', 'a\u061Cb', 'a\u2060b', '\u3164', 'soft\u00ADhyphen'])(
    'names the hidden character in %j',
    (text) => {
      expect(hiddenCharacterProblem(text)).toMatch(/U\+(202E|200B|FEFF|2066|061C|2060|3164|00AD)/);
    },
  );
  it('accepts ordinary Unicode', () => expect(hiddenCharacterProblem('ünïcødé 漢字 €')).toBeUndefined());
  it('refuses a hidden character in a fragment', () => expect(checkSqlFragment("'\u202Eevil'", 'default')).toMatch(/U\+202E/));

  it('accepts a line break or tab inside a string constant, as PostgreSQL prints E-strings back from its catalog', () => {
    expect(checkSqlFragment("'\t'::text", 'default')).toBeUndefined();
    expect(checkSqlFragment("(POSITION(('\n'::text) IN (title)) = 0)", 'check')).toBeUndefined();
    expect(checkSqlFragment('1 +\n2', 'default')).toMatch(/control character/);
    expect(checkSqlFragment("'a' \u202E", 'default')).toMatch(/U\+202E/);
  });

  it.each([
    ["setval('public.orders_id_seq', 1) > 0", 'check'],
    ["pg_catalog.pg_read_file('/etc/passwd') IS NOT NULL", 'check'],
    ["lo_export(1, '/tmp/x') > 0", 'check'],
    ["dblink_exec('host=127.0.0.1', 'DROP TABLE users') IS NOT NULL", 'check'],
    ["query_to_xml('delete from t returning 1', true, true, '') IS NOT NULL", 'check'],
    ['pg_terminate_backend(1)', 'default'],
  ] as const)('refuses %s, whose effects a rollback cannot undo', (text, kind: FragmentKind) => {
    expect(checkSqlFragment(text, kind)).toMatch(/whose effects outlive the transaction/);
  });
  it('still accepts nextval and ordinary functions', () => {
    expect(checkSqlFragment("nextval('t_id_seq'::regclass)", 'default')).toBeUndefined();
    expect(checkSqlFragment("char_length(btrim(name)) > 0 AND name ~ '^[a-z]+$'", 'check')).toBeUndefined();
  });
});

describe('visibleText', () => {
  it('writes hidden characters as their code points, so "\\u202Eevil" cannot show as "live"', () => {
    expect(visibleText('\u202Eevil')).toBe('<U+202E>evil');
    expect(visibleText('a\u200Bb\tc')).toBe('a<U+200B>b<U+0009>c');
    expect(visibleText('ünïcødé 漢字')).toBe('ünïcødé 漢字');
  });
});
