/**
 * Setup file of the e2e project: after each test file, assert that no page opened in it sent a
 * request anywhere but the loopback host (see foreignRequestsThisRun in support/browser.ts).
 * Registered first, so with vitest's stacked hooks this afterAll runs after the file's own,
 * once its pages and browser are closed.
 */
import { afterAll, expect } from 'vitest';
import { foreignRequestsThisRun } from '../e2e/support/browser';

afterAll(() => {
  expect(foreignRequestsThisRun(), 'requests the app sent off this machine during this file').toEqual([]);
});
