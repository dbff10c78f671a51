import { describe, expect, it } from 'vitest';
import { referentialActions } from '../model/index.ts';
import { catalogAction } from './foreignKeyFacts.ts';

describe('catalogAction', () => {
  it("reads pg_constraint's one-letter codes as the model's referential actions", () => {
    expect(['a', 'r', 'c', 'n', 'd'].map(catalogAction)).toEqual(referentialActions);
  });

  it("reads a code it does not know as NO ACTION, PostgreSQL's default", () => {
    expect(catalogAction('x')).toBe('no action');
  });
});
