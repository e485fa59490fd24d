import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          // Each file gets its own worker: better-sqlite3 handles never cross tests.
          pool: 'forks',
          // Real archives on the real disk, written through (fsync) as the app writes them: a test
          // of sixty backups takes as long as sixty flushes, 7 s on a slow VM disk. Not 5 s.
          testTimeout: 20_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // Fails any e2e file in which the app sent a request off the machine.
          setupFiles: ['tests/security/e2e-no-network.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
