/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/runtime/src', '<rootDir>/server/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  moduleNameMapper: {
    '^@stratum/runtime$': '<rootDir>/runtime/src/index.ts',
    '^@stratum/server$': '<rootDir>/server/src/index.ts',
  },
  // Tests that share one PostgreSQL database run one file at a time; each file uses its own workspace schema.
  maxWorkers: 2,
  testTimeout: 60000,
};
