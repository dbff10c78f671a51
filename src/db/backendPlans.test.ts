import { describe, expect, it } from 'vitest';
import { planCheckEvery, planCheckSchedule } from './backendPlans.ts';

describe('planCheckSchedule', () => {
  it('checks once every planCheckEvery quick tasks', () => {
    const isDue = planCheckSchedule();
    const answers = Array.from({ length: planCheckEvery * 2 }, () => isDue(20));
    expect(answers.filter(Boolean)).toHaveLength(2);
    expect(answers[planCheckEvery - 1]).toBe(true);
  });

  it('checks after every slow task and starts counting quick ones again', () => {
    const isDue = planCheckSchedule();
    for (let i = 0; i < planCheckEvery - 2; i++) isDue(20);
    expect(isDue(1_500)).toBe(true);
    expect(isDue(1_500)).toBe(true);
    expect(isDue(20)).toBe(false);
  });
});
