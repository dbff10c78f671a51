import { afterEach, describe, expect, it } from 'vitest';
import { propertyRuns, propertyTimeout } from './propertyRuns.ts';

describe('propertyRuns', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads PROPERTY_RUNS, or the variable a test names, and falls back to the default on absent or nonsense values', () => {
    delete process.env.PROPERTY_RUNS;
    expect(propertyRuns(60)).toBe(60);
    process.env.PROPERTY_RUNS = '2000';
    expect(propertyRuns(60)).toBe(2000);
    process.env.PROPERTY_RUNS = 'many';
    expect(propertyRuns(60)).toBe(60);
    process.env.PROPERTY_RUNS = '0';
    expect(propertyRuns(60)).toBe(60);
    process.env.IMPORT_PROPERTY_RUNS = '300';
    expect(propertyRuns(20, 'IMPORT_PROPERTY_RUNS')).toBe(300);
  });
});

describe('propertyTimeout', () => {
  it('keeps the 30 s floor for the default runs and grows with the run count', () => {
    expect(propertyTimeout(60, 50)).toBe(30_000);
    expect(propertyTimeout(2000, 50)).toBe(100_000);
    expect(propertyTimeout(20, 6000, 120_000)).toBe(120_000);
    expect(propertyTimeout(300, 6000, 120_000)).toBe(1_800_000);
  });
});
