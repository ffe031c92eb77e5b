/** The app's tests run in jsdom. CSS is imported only by src/main.tsx, which no test loads. */
module.exports = require('../../jest.preset.cjs')(__dirname, {
  testEnvironment: '<rootDir>/jest.environment.cjs',
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1' },
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup.ts'],
});
