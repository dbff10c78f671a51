import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteIdent, quoteLiteral } from './quoteIdent.ts';
import { quotedKeywords } from './pgKeywords.ts';
import { testPglite } from '../testing/testDatabase.ts';

describe('quoteIdent', () => {
  it('leaves plain lower-case names bare and quotes the rest', () => {
    expect(quoteIdent('authors')).toBe('authors');
    expect(quoteIdent('user')).toBe('"user"');
    expect(quoteIdent('Authors')).toBe('"Authors"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteIdent('1st')).toBe('"1st"');
    expect(quoteIdent('année')).toBe('"année"');
  });

  it('agrees with PostgreSQL quote_ident() on keywords and random names', async () => {
    const pg = await testPglite();
    const keywords = (await pg.query<{ word: string }>('select word from pg_get_keywords()')).rows.map((r) => r.word);
    const samples = fc.sample(
      fc.string({ unit: fc.constantFrom('a', 'Z', '_', '$', '1', '"', ' ', 'é', '€', '-'), minLength: 1, maxLength: 8 }),
      300,
    );
    for (const name of [...keywords, ...samples, 'select', 'order', 'table', 'user', 'id', 'x$y']) {
      const server = (await pg.query<{ q: string }>('select quote_ident($1) as q', [name])).rows[0]!.q;
      expect(quoteIdent(name), name).toBe(server);
    }
  });

  it('uses the server keyword list verbatim', async () => {
    const pg = await testPglite();
    const server = (await pg.query<{ word: string }>("select word from pg_get_keywords() where catcode <> 'U'")).rows.map((r) => r.word);
    expect([...quotedKeywords].sort()).toEqual(server.sort());
  });
});

describe('quoteLiteral', () => {
  it('round-trips any text through PostgreSQL', async () => {
    const pg = await testPglite();
    for (const text of ["it's", "\\n'; drop table x; --", '*/ \r\n', 'plain']) {
      const back = (await pg.query<{ t: string }>(`select ${quoteLiteral(text)} as t`)).rows[0]!.t;
      expect(back).toBe(text);
    }
  });
});
