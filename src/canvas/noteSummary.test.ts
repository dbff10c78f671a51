import { describe, expect, it } from 'vitest';
import { noteSummary } from './noteSummary.ts';

describe('noteSummary', () => {
  it('a short note is shown whole, its lines joined', () => {
    expect(noteSummary('  Billing owns these.\nAsk Anna.  ')).toBe('Billing owns these. Ask Anna.');
  });

  it('a long note is cut at a word, with an ellipsis', () => {
    const long =
      'Split off from events for the ingestion rewrite: the old pipeline wrote straight into events and the new one batches per customer';
    const summary = noteSummary(long);
    expect(summary.length).toBeLessThanOrEqual(91);
    expect(summary).toMatch(/ingestion rewrite: .*[a-z]…$/);
    expect(long.startsWith(summary.slice(0, -1))).toBe(true);
  });
});
