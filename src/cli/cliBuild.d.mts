/** The package's root: the clone, or node_modules/erd-proof/ where it is installed. */
export const packageRoot: string;
/** The built CLI's folder. */
export const builtCliDir: string;
/** The file listing the sources the build read, written last by scripts/buildCli.ts. */
export const builtInputsFile: string;
/** Whether dist-cli/ under `root` holds a build to run: 'stale' when a source changed since. */
export function builtCliState(root?: string): 'current' | 'missing' | 'stale';
