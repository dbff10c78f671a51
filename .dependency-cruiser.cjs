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

/** Tests may also use the test factories, the shared test databases and the scripts' generators, but a core test still never reaches the browser side. */
const testLayering = [
  {
    name: 'core-tests-stay-in-core',
    comment: 'a test of a core folder runs in Node: it may use testing/ and any core folder, never the browser side',
    severity: 'error',
    from: { path: anyOf([...core, 'testing']), pathNot: '^src/testing/' },
    to: { path: anyOf(browser) },
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
    to: { dependencyTypes: ['npm', 'npm-dev'], path: '^node_modules/(react|react-dom|@xyflow|zustand)/' },
  },
  {
    name: 'bundled-code-is-browser-safe',
    comment: 'this code also runs in the page or the worker: no node-postgres or Node built-ins',
    severity: 'error',
    from: { path: anyOf([...bundledCore, ...browser]), pathNot: test },
    to: { path: '^(node:|pg$|node_modules/pg/|src/db/(index|postgresRunner)\\.ts$)|^(fs|path|url|child_process|os|net|crypto)$' },
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

module.exports = {
  forbidden: [
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
    exclude: { path: '^(dist|node_modules)/' },
  },
};
