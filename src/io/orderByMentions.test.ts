import { describe, expect, it } from 'vitest';
import { orderByMentions } from './orderByMentions.ts';

describe('orderByMentions', () => {
  it('puts a function after the functions its body calls, and keeps the order otherwise', () => {
    const items = [
      { bareName: 'film_in_stock', text: 'SELECT inventory_in_stock(inventory_id)' },
      { bareName: 'last_day', text: 'SELECT 1' },
      { bareName: 'inventory_in_stock', text: 'SELECT inventory_held_by_customer($1)' },
      { bareName: 'inventory_held_by_customer', text: 'SELECT 2' },
    ];
    expect(orderByMentions(items).map((i) => i.bareName)).toEqual([
      'inventory_held_by_customer',
      'inventory_in_stock',
      'film_in_stock',
      'last_day',
    ]);
  });

  it('does not loop on cycles or take a longer name for a call', () => {
    const items = [
      { bareName: 'a', text: 'b(1)' },
      { bareName: 'b', text: 'a(1)' },
      { bareName: 'c', text: 'abc(1)' },
    ];
    expect(orderByMentions(items).map((i) => i.bareName)).toEqual(['b', 'a', 'c']);
  });
});
