import { describe, expect, it } from 'vitest';
import { foreignKeyType, plural, singular, uniqueName, withArticle } from './naming.ts';

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
    ['statuses', 'status'],
    ['houses', 'house'],
    ['movies', 'movie'],
    ['staff', 'staff'],
  ])('singular(%s) = %s', (many, one) => expect(singular(many)).toBe(one));

  it.each([
    ['address', 'addresses'],
    ['city', 'cities'],
    ['day', 'days'],
    ['status', 'statuses'],
    ['film_actor', 'film_actors'],
    ['books', 'books'],
    ['staff', 'staff'],
    ['passport_info', 'passport_info'],
    ['analysis', 'analyses'],
    ['?', '?'],
  ])('plural(%s) = %s', (one, many) => expect(plural(one)).toBe(many));

  it.each([
    ['user', 'a user'],
    ['user_profile', 'a user_profile'],
    ['address', 'an address'],
    ['order_item', 'an order_item'],
    ['unit', 'a unit'],
    ['unique_key', 'a unique_key'],
    ['url', 'a url'],
    ['euro_rate', 'a euro_rate'],
    ['hour', 'an hour'],
    ['update', 'an update'],
    ['umbrella', 'an umbrella'],
    ['unused_code', 'an unused_code'],
    ['book', 'a book'],
    ['history', 'a history'],
  ])('withArticle(%s) = %s, by sound', (noun, phrase) => expect(withArticle(noun)).toBe(phrase));

  it('capitalises the article at the start of a sentence', () => {
    expect(withArticle('address', true)).toBe('An address');
    expect(withArticle('user', true)).toBe('A user');
  });

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
    for (const text of ['', 'abc', 'é', '漢字', '😀', 'a😀é漢', '\ud800'])
      expect(byteLength(text), text).toBe(new TextEncoder().encode(text).length);
  });
});
