import { describe, expect, it } from 'vitest';
import { testRunner } from '../testing/testDatabase.ts';
import { importSql } from './importSql.ts';

describe('mergeMutualKeys', () => {
  it('names both tables of mutually referencing deferred keys in its note', async () => {
    const result = await importSql(
      `CREATE TABLE head_office (id int PRIMARY KEY, company_id int NOT NULL UNIQUE);
       CREATE TABLE company (id int PRIMARY KEY, head_office_id int NOT NULL UNIQUE);
       ALTER TABLE head_office ADD CONSTRAINT head_office_company FOREIGN KEY (company_id) REFERENCES company DEFERRABLE INITIALLY DEFERRED;
       ALTER TABLE company ADD CONSTRAINT company_head_office FOREIGN KEY (head_office_id) REFERENCES head_office DEFERRABLE INITIALLY DEFERRED;`,
      await testRunner(),
    );
    if (!result.ok) throw new Error(result.error.message);
    const note = result.notes.find((n) => n.includes('refer to each other'));
    expect(note).toMatch(
      /^"head_office" and "company" refer to each other with deferred keys: .* held by "head_office"; "company"'s key company_head_office is kept as SQL text/,
    );
  });
});
