// Three projects: client code in jsdom, cloud code in Node, and browser tests against the real
// server (run after the H5 build, one at a time).
const shared = {
  transform: { '^.+\\.(t|j)sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
  moduleNameMapper: {
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@cloud/contracts/(.*)$': '<rootDir>/cloud/contracts/$1',
    '^@data/(.*)$': '<rootDir>/data/$1',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|scss|sass|less)$': '<rootDir>/scripts/jest/style-stub.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|\\.pnpm|@stencil|swiper|tslib|@babel/runtime/helpers/esm|cookie/))'],
}

module.exports = {
  // Tests do real work (SQLite files, .xlsx through the import worker, jsdom renders): well under
  // 5 s each on a quiet machine, past it with more test workers than cores. A limit, not a timing.
  testTimeout: 30_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}'],
      setupFiles: ['<rootDir>/scripts/jest/taro-globals.js'],
    },
    {
      ...shared,
      displayName: 'cloud',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/cloud/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts', '<rootDir>/bench/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/e2e/setup.ts'],
    },
  ],
}
