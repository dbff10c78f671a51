/** Vitest's own limit for one test (vite.config.ts), kept as the floor so short runs fail as early as before. */
const defaultTimeoutMs = 30_000;

/** How many cases a property test tries: the environment variable (PROPERTY_RUNS unless the test names its own) or the test's default. */
export function propertyRuns(defaultRuns: number, variable = 'PROPERTY_RUNS'): number {
  const value = Number(process.env[variable]);
  return Number.isInteger(value) && value > 0 ? value : defaultRuns;
}

/**
 * A property test's time limit, grown with its run count so a long run (PROPERTY_RUNS=2000) is not
 * stopped by the default 30 s: `msPerRun` is a generous allowance for one case on a busy machine.
 */
export function propertyTimeout(runs: number, msPerRun: number, floorMs = defaultTimeoutMs): number {
  return Math.max(floorMs, Math.ceil(runs * msPerRun));
}
