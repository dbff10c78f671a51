// The import table of ../shared/ARCHITECTURE.md (and the README's "Layout"), checked by `npm run lint`.
// Each folder under src/ lists the folders of ours it may import; anything else is an error.

/** Core: no React, no store; `cli/` and the tests run it in Node. */
const core = ['model', 'ddl', 'migrate', 'proof', 'db', 'io', 'layout', 'collab', 'server', 'cli'];
/** Core code that is also bundled into the page or the worker. */
const bundledCore = ['model', 'ddl', 'migrate', 'proof', 'io', 'layout', 'collab'];
/** The browser side, lowest first. */
const browser = ['store', 'keeping', 'worker', 'canvas', 'panels', 'app'];
/** Core folders the page and the worker may use (cli/ and server/ are Node programs). */
const coreForBrowser = core.filter((f) => f !== 'cli' && f !== 'server');

/** Folder -> the folders of ours it may import (besides itself). */
const mayImport = {
  model: [],
  ddl: ['model'],
  migrate: ['model', 'ddl'],
  proof: ['model', 'ddl', 'migrate'],
  db: ['model'],
  io: ['model', 'ddl', 'db', 'layout'],
  layout: ['model'],
  collab: ['model', 'io'],
  server: ['collab', 'io', 'model', 'db'],
  cli: core,
  testing: core,
  store: coreForBrowser,
  keeping: ['store', ...coreForBrowser],
  worker: coreForBrowser,
  canvas: ['store', 'keeping', ...coreForBrowser],
  panels: ['store', 'keeping', ...coreForBrowser],
  app: [...browser, ...coreForBrowser],
};

const test = '\\.test\\.tsx?$';
const inFolder = (folder) => `^src/${folder}/`;
const anyOf = (folders) => `^src/(${folders.join('|')})/`;

const layering = Object.entries(mayImport).map(([folder, allowed]) => ({
  name: `layering-${folder}`,
  comment: `src/${folder}/ may import ${allowed.length ? allowed.map((f) => `${f}/`).join(', ') : 'nothing of ours'} (ARCHITECTURE.md's table)`,
  severity: 'error',
  from: { path: inFolder(folder), pathNot: test },
  to: { path: '^src/', pathNot: anyOf([folder, ...allowed]) },
}));

/**
 * A test may also use the test factories and databases (testing/) and any core folder (a model test
 * runs the DDL in PGlite), but never a browser folder its own folder may not import.
 */
const testLayering = [
  ...Object.entries(mayImport).map(([folder, allowed]) => ({
    name: `test-layering-${folder}`,
    comment: `a test in src/${folder}/ may import what src/${folder}/ may, testing/ and the core`,
    severity: 'error',
    from: { path: inFolder(folder) + '.*' + test },
    to: { path: '^src/', pathNot: anyOf([folder, ...allowed, 'testing', ...core]) },
  })),
  {
    name: 'core-tests-stay-in-core',
    comment: 'a test of a core folder runs in Node: it may use testing/ and any core folder, never the browser side',
    severity: 'error',
    from: { path: anyOf([...core, 'testing']) },
    to: { path: anyOf(browser) },
  },
  {
    name: 'every-folder-is-in-the-table',
    comment: 'a new folder under src/ gets a row in the table (and in ARCHITECTURE.md) before its code lands',
    severity: 'error',
    from: { path: '^src/', pathNot: [anyOf(Object.keys(mayImport)), '^src/layering\\.test\\.ts$'].join('|') },
    to: {},
  },
  {
    name: 'only-tests-use-testing',
    comment: 'src/testing/ holds factories and test databases: shipped code never imports it',
    severity: 'error',
    from: { path: '^src/', pathNot: [test, '^src/testing/'].join('|') },
    to: { path: '^src/testing/' },
  },
];

const packages = [
  {
    name: 'core-is-ui-free',
    comment: 'the core runs in Node (the erd command, the tests): no React, React Flow or zustand',
    severity: 'error',
    from: { path: anyOf([...core, 'worker']) },
    to: { path: '^node_modules/(react|react-dom|@xyflow|zustand)/' },
  },
  {
    name: 'bundled-code-is-browser-safe',
    comment: 'this code also runs in the page or the worker: no node-postgres or Node built-ins',
    severity: 'error',
    from: { path: anyOf([...bundledCore, ...browser]), pathNot: test },
    to: { path: '^(node_modules/pg/|src/db/(index|postgresRunner)\\.ts$)' },
  },
  {
    name: 'bundled-code-uses-no-node-builtins',
    comment: 'this code also runs in the page or the worker: no Node built-in module (fs, worker_threads, node:...)',
    severity: 'error',
    from: { path: anyOf([...bundledCore, ...browser]), pathNot: test },
    to: { dependencyTypes: ['core'] },
  },
  {
    name: 'model-imports-no-engine',
    comment: "model/ imports nothing of ours and no database engine (PostgreSQL's parser is a pure function of text)",
    severity: 'error',
    from: { path: '^src/(model|layout)/', pathNot: test },
    to: { path: '^node_modules/@electric-sql/' },
  },
];

/** The store's slices, selectors and helpers are its own business: every other folder imports store/index.ts. */
const storeThroughIndex = {
  name: 'store-through-its-index',
  comment: 'outside store/, import the store through src/store/index.ts only',
  severity: 'error',
  from: { pathNot: '^src/store/' },
  to: { path: '^src/store/', pathNot: '^src/store/index\\.ts$' },
};

/** An import the resolver cannot find is a typo or a missing package (Vite's `?url` assets, resolved by Vite alone, excepted). */
const resolvable = {
  name: 'not-to-unresolvable',
  comment: 'every import resolves to a file or a package',
  severity: 'error',
  from: {},
  to: { couldNotResolve: true, pathNot: '\\?url$' },
};

module.exports = {
  forbidden: [
    resolvable,
    ...layering,
    storeThroughIndex,
    ...testLayering,
    ...packages,
    {
      name: 'no-circular',
      comment: 'a cycle between files means two of them are one idea, or one is in the wrong folder',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    exclude: { path: '^dist/' },
  },
};
