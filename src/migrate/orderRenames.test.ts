import { describe, expect, it } from 'vitest';
import { orderRenames } from './orderRenames.ts';

describe('orderRenames', () => {
  it('keeps independent renames as they are', () => {
    expect(orderRenames([{ key: '1', from: 'a', to: 'x' }], ['a', 'b'])).toEqual([{ key: '1', from: 'a', to: 'x' }]);
  });

  it('renames the end of a chain first', () => {
    const ordered = orderRenames(
      [
        { key: '1', from: 'a', to: 'b' },
        { key: '2', from: 'b', to: 'c' },
      ],
      ['a', 'b'],
    );
    expect(ordered.map((c) => `${c.from}->${c.to}`)).toEqual(['b->c', 'a->b']);
  });

  it('breaks a swap with a temporary name', () => {
    const ordered = orderRenames(
      [
        { key: '1', from: 'a', to: 'b' },
        { key: '2', from: 'b', to: 'a' },
      ],
      ['a', 'b'],
    );
    expect(ordered.map((c) => `${c.from}->${c.to}`)).toEqual(['a->a__renaming', 'b->a', 'a__renaming->b']);
  });
});

describe('orderRenames when a name stays taken', () => {
  it('returns a rename whose new name something else keeps as it is, instead of looping on temporary names', () => {
    const ordered = orderRenames([{ key: '1', from: 'books', to: 'authors' }], ['authors', 'books']);
    expect(ordered).toEqual([{ key: '1', from: 'books', to: 'authors' }]);
  });
});
