/**
 * Test tiers. `unit` and `client` are fast and need nothing running; `integration` runs the cloud
 * functions through the local runtime (real wx-server-sdk, embedded database); `e2e` drives the H5
 * build in headless Chromium and needs `npm run build:h5` first (npm test does it).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@zhibu/types$': '<rootDir>/types/index.ts',
    '^@/(.*)$': '<rootDir>/client/src/$1',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'client',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/client/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/client/setup.ts'],
      moduleNameMapper: {
        // Before the `@/` alias: jest applies the first mapping that matches, and pages import `@/assets/*.png`.
        '\\.(png|jpe?g|gif)$': '<rootDir>/test/client/mocks/file.ts',
        ...shared.moduleNameMapper,
        '^@tarojs/taro$': '<rootDir>/test/client/mocks/taro.tsx',
        '^@tarojs/components$': '<rootDir>/test/client/mocks/components.tsx',
        '\\.(css|scss|less)$': '<rootDir>/test/client/mocks/style.ts',
      },
    },
    {
      ...shared,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/conformance/**/*.test.ts'],
    },
    { ...shared, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
};
