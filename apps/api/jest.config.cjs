module.exports = require('../../jest.preset.cjs')(__dirname, {
  nativeImport: true,
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
});
