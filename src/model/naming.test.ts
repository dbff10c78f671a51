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

describe('generated names fit PostgreSQL', () => {
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  it('keeps long generated names within 63 bytes and apart', () => {
    const long = '漢'.repeat(30);
    const a = uniqueName(`${long}_id`, []);
    const b = uniqueName(`${long}_id`, [a]);
    expect(bytes(a)).toBeLessThanOrEqual(63);
    expect(bytes(b)).toBeLessThanOrEqual(63);
    expect(a).not.toBe(b);
  });
});

describe('byteLength', () => {
  it('counts UTF-8 bytes as TextEncoder does', async () => {
    const { byteLength } = await import('./naming.ts');
    for (const text of ['', 'abc', 'é', '漢字', '😀', 'a😀é漢', '\ud800']) expect(byteLength(text), text).toBe(new TextEncoder().encode(text).length);
  });
});
