import { archiveScenario } from './archive';
import { browserScenario } from './browser';
import { journalScenario } from './journal';
import type { Scenario } from './types';

/**
 * Every area the benchmark covers, generated and measured in this order. Opening the archive
 * comes first, while no other connection holds the file; the browser comes last.
 */
export const scenarios: readonly Scenario[] = [archiveScenario, journalScenario, browserScenario];
