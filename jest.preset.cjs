/** Shared Jest settings: TypeScript through SWC (types are checked by `pnpm lint`, not by Jest). */
const path = require('node:path');

/** ESM-only dependencies that CommonJS packages (and our code, compiled to CommonJS) require(): Node 20.19 can, Jest cannot. */
const esmOnly = ['content-disposition', 'cookie', 'uuid'];
const esmPattern = esmOnly.flatMap((name) => [`\\.pnpm/${name}@`, `${name}/`]).join('|');

/**
 * `nativeImport`: keep `import()` native, for code that loads ESM-only packages that way (PGlite's
 * parts, Prisma's schema engine). Off for the app, whose lazy routes import its own modules.
 */
module.exports = function preset(dir, { nativeImport = false, ...overrides } = {}) {
  return {
    rootDir: dir,
    displayName: path.basename(dir),
    testEnvironment: 'node',
    transform: {
      '^.+\\.(t|j)sx?$': [
        '@swc/jest',
        {
          jsc: {
            parser: { syntax: 'typescript', tsx: true },
            transform: { react: { runtime: 'automatic' } },
            target: 'es2022',
          },
          module: { type: 'commonjs', ignoreDynamic: nativeImport },
        },
      ],
    },
    testMatch: ['<rootDir>/**/*.test.ts', '<rootDir>/**/*.test.tsx'],
    testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    // Those ESM-only dependencies are compiled like our own code; the rest of node_modules is not.
    transformIgnorePatterns: [`/node_modules/(?!${esmPattern})`],
    ...overrides,
  };
};
