import { describe, expect, it } from 'vitest';
import { labelRect, placeOverviewLabels, type LabelCandidate } from './overviewLabels.ts';

const table = (id: string, x: number, y: number, priority = 0): LabelCandidate => ({
  id,
  x,
  y,
  width: 200,
  height: 100,
  text: id,
  priority,
});
const font = { size: 20, gap: 4 };

describe('placeOverviewLabels', () => {
  it('names every table when the names have room', () => {
    expect(placeOverviewLabels([table('customers', 0, 0), table('invoices', 0, 400), table('plans', 600, 0)], font)).toEqual(
      new Set(['customers', 'invoices', 'plans']),
    );
  });

  it('of two names that would overlap, the better-connected table keeps its name', () => {
    const shown = placeOverviewLabels([table('fees', 0, 0, 1), table('customers', 10, 10, 9)], font);
    expect(shown).toEqual(new Set(['customers']));
  });

  it('a name that would sit under a note is left out', () => {
    const note = { left: 50, top: 20, right: 300, bottom: 80 };
    expect(placeOverviewLabels([table('customers', 0, 0, 9), table('plans', 600, 0)], font, [note])).toEqual(new Set(['plans']));
  });

  it('no two names shown overlap, however crowded the schema', () => {
    const crowded = Array.from({ length: 400 }, (_, i) => ({
      ...table(`table_${i}`, (i % 20) * 60, Math.floor(i / 20) * 40),
      priority: i % 7,
    }));
    const shown = [...placeOverviewLabels(crowded, font)].map((id) =>
      labelRect(
        crowded.find((c) => c.id === id)!,
        font,
      ),
    );
    expect(shown.length).toBeGreaterThan(10);
    for (const [i, a] of shown.entries())
      for (const b of shown.slice(i + 1)) expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
  });

  it('a name wider than its table is centred on it and spills over both sides', () => {
    const rect = labelRect({ ...table('subscription_fixed_charge_units_overrides', 0, 0) }, font);
    expect((rect.left + rect.right) / 2).toBe(100);
    expect(rect.left).toBeLessThan(0);
  });
});
