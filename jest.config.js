/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/runtime/src', '<rootDir>/server/src', '<rootDir>/studio/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Transpile only (type checking is `npm run typecheck`), into CommonJS for jest.
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: {
          isolatedModules: true,
          module: 'commonjs',
          moduleResolution: 'node',
          target: 'es2022',
          esModuleInterop: true,
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@stratum/runtime$': '<rootDir>/runtime/src/index.ts',
    '^@stratum/server$': '<rootDir>/server/src/index.ts',
  },
  // Each test file works in its own workspace schema, so files can run in parallel on one database.
  maxWorkers: 2,
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
