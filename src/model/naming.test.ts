import { describe, expect, it } from 'vitest';
import { foreignKeyType, singular, uniqueName } from './naming.ts';

describe('naming', () => {
  it.each([
    ['authors', 'author'],
    ['courses', 'course'],
    ['addresses', 'address'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['status', 'status'],
    ['passport_info', 'passport_info'],
    ['country', 'country'],
  ])('singular(%s) = %s', (plural, one) => expect(singular(plural)).toBe(one));

  it('numbers names that are taken', () => expect(uniqueName('a', ['a', 'a_2'])).toBe('a_3'));
  it('maps serial types to integer types', () => {
    expect(foreignKeyType('serial')).toBe('integer');
    expect(foreignKeyType('BIGSERIAL')).toBe('bigint');
    expect(foreignKeyType('uuid')).toBe('uuid');
  });
});
