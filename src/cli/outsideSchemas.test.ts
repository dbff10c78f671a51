import { describe, expect, it } from 'vitest';
import { aKeptObject, aTable } from '../testing/factories.ts';
import { namingOtherSchemas, writtenSql } from './outsideSchemas.ts';

const own = 'erd_proof_0123456789abcdef';
const server = ['public', 'Billing', 'pg_catalog', 'information_schema', own];
const named = (sql: string) => namingOtherSchemas([{ what: 'kept view v', sql }], server, own);

describe('namingOtherSchemas', () => {
  it('finds a server schema however SQL spells it: any case, quoted, spaced, inside a string', () => {
    expect(named('CREATE VIEW v AS SELECT * FROM PUBLIC . books;')).toEqual(['kept view v names schema "public" in its SQL']);
    expect(named(`SELECT nextval('public.ids'::regclass)`)).toEqual(['kept view v names schema "public" in its SQL']);
    expect(named('SELECT * FROM "Billing".invoices')).toEqual(['kept view v names schema "Billing" in its SQL']);
  });

  it("lets through the proof's own schema, the catalog, aliases that are no schema, and a name that only ends like one", () => {
    expect(named(`CREATE VIEW v AS SELECT b.title, pg_catalog.now() FROM "${own}".books b JOIN my_public.x ON true;`)).toEqual([]);
    // Billing folds to billing unquoted, which the server does not have.
    expect(named('SELECT * FROM Billing.invoices')).toEqual([]);
  });

  it('refuses SQL that sets the search path, which would lead unqualified names out', () => {
    expect(named(`CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path = app AS 'SELECT 1';`)).toEqual([
      'kept view v sets the search path in its SQL',
    ]);
  });

  it("reads the kept objects given and each table's column types, defaults and CHECKs", () => {
    const { schema } = aTable('books', { name: 'ref', type: 'public.code', defaultValue: null });
    const pieces = writtenSql({ ...schema, sqlObjects: [aKeptObject({ name: 'one' })] });
    expect(pieces.map((p) => p.what)).toEqual(['kept view one', 'table books']);
    expect(namingOtherSchemas(pieces, server, own)).toEqual(['table books names schema "public" in its SQL']);
  });
});
