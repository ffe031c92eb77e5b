/** Every workspace's Jest tests from the root: `pnpm test`. */
module.exports = {
  projects: ['<rootDir>/packages/shared', '<rootDir>/apps/api', '<rootDir>/apps/web'],
  // Test files open databases of their own; two at a time suits a 2-core machine.
  maxWorkers: 2,
  testTimeout: 60_000,
};
