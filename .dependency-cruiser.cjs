// The boundaries of docs/ARCHITECTURE.md, enforced by `npm run check` (dependency-cruiser). Each rule names the
// layer it protects; test/boundaries.test.ts proves that a violating file fails them.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycles anywhere (type-only imports included: they still tie two files together).',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'src/domain holds rules only: no server, console, portal, contracts, and no Node.js I/O.',
      from: { path: '^src/domain/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'domain-no-node',
      severity: 'error',
      comment:
        'src/domain does not use Node.js built-ins (fs, path, crypto…): rules take their inputs as values.',
      from: { path: '^src/domain/', pathNot: '\\.test\\.tsx?$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      comment: 'src/contracts is shared with the browser: only zod, domain types and other contracts.',
      from: { path: '^src/contracts/', pathNot: '\\.test\\.tsx?$' },
      to: { pathNot: ['^src/contracts/', '^src/domain/', '^node_modules/zod/'] },
    },
    {
      name: 'console-only-contracts-and-domain',
      severity: 'error',
      comment:
        'The console (src/admin) reaches the server only through src/contracts; rules come from src/domain.',
      from: { path: '^src/admin/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/', pathNot: ['^src/admin/', '^src/contracts/', '^src/domain/'] },
    },
    {
      name: 'portal-through-module-faces',
      severity: 'error',
      comment:
        'The portal renders: its data comes from modules’ index.ts, never from db/ or a module’s inner files.',
      from: { path: '^src/portal/' },
      to: {
        path: ['^src/server/db/', '^src/server/modules/[^/]+/(?!index\\.ts$)', '^src/admin/'],
      },
    },
    {
      name: 'server-does-not-know-the-portal',
      severity: 'error',
      comment: 'Only the composition root (src/server/app.ts) mounts the portal.',
      from: { path: '^src/server/', pathNot: '^src/server/app\\.ts$' },
      to: { path: '^src/portal/' },
    },
    {
      name: 'module-through-faces',
      severity: 'error',
      comment: 'A module reaches another module only through that module’s index.ts.',
      from: { path: '^src/server/modules/([^/]+)/' },
      to: {
        path: '^src/server/modules/([^/]+)/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'module-owns-its-tables',
      severity: 'error',
      comment:
        'A module queries only its own tables (db/schema/<module>.ts); others’ data comes through their index.ts.',
      from: { path: '^src/server/modules/([^/]+)/', pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^src/server/db/schema/',
        pathNot: '^src/server/db/schema/$1\\.ts$',
      },
    },
    {
      name: 'cli-through-faces',
      severity: 'error',
      comment: 'Commands call modules through their index.ts, like every other caller.',
      from: { path: '^src/cli/' },
      to: { path: '^src/server/modules/[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'modules-do-not-know-the-list',
      severity: 'error',
      comment: 'A module does not import the list of modules it is on (src/server/modules/index.ts).',
      from: { path: '^src/server/modules/[^/]+/' },
      to: { path: '^src/server/modules/index\\.ts$' },
    },
    {
      name: 'platform-below-modules',
      severity: 'error',
      comment: 'Platform services stand below the business modules and never import them.',
      from: { path: '^src/server/platform/' },
      to: { path: '^src/server/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^dist/', '^node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
