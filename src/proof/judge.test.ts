import { describe, expect, it } from 'vitest';
import { judge } from './scenario.ts';

const duplicate = (detail: string) => ({
  outcome: 'rejected' as const,
  error: { code: '23505', message: 'duplicate key value violates unique constraint "k"', detail, constraint: 'k' },
});

describe('judge, a second child refused as a duplicate', () => {
  it('fails the relationship when the UNIQUE is within its key: a "many" end that the database makes one', () => {
    expect(judge({ outcome: 'accepted' }, duplicate('Key (author_id)=(1) already exists.'), ['author_id'])).toEqual({ verdict: 'failed' });
  });
  it('calls it not provable when the UNIQUE holds more than the key (Lago: (subscription_id, type) with a one-label enum)', () => {
    const judged = judge({ outcome: 'accepted' }, duplicate('Key (subscription_id, type)=(1, progressive_billing) already exists.'), [
      'subscription_id',
    ]);
    expect(judged).toEqual({
      verdict: 'notProvable',
      reason: expect.stringMatching(
        /^the sample rows collide on "k" \(subscription_id, type\), which holds more than this relationship's key/,
      ),
    });
  });
  it('judges as before when it does not know the key', () => {
    expect(judge({ outcome: 'accepted' }, duplicate('Key (subscription_id, type)=(1, x) already exists.'))).toEqual({ verdict: 'failed' });
  });
});
