import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/golden/**/*.test.ts', 'tests/property/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
