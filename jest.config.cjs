/** Every workspace's Jest tests from the root: `pnpm test`. */
module.exports = {
  projects: ['<rootDir>/packages/shared', '<rootDir>/apps/api', '<rootDir>/apps/web'],
  // Test files open databases of their own; two at a time suits a 2-core machine.
  maxWorkers: 2,
  // Generous: a loaded 2-core machine can take tens of seconds to start PGlite or a child process.
  testTimeout: 180_000,
};
