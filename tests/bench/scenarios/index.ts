import { archiveScenario } from './archive';
import { browserScenario } from './browser';
import { desktopScenario } from './desktop';
import { journalScenario } from './journal';
import { relationsScenario } from './relations';
import { searchScenario } from './search';
import { transferScenario } from './transfer';
import type { Scenario } from './types';

/**
 * Every area the benchmark covers, generated and measured in this order. Opening the archive
 * comes first, while no other connection holds the file; the browser comes last. Export and
 * import come just before it: they are the longest, and the generated data is unchanged by them.
 * The desktop app's arrangement (the core in a thread of its own) is measured after search.
 */
export const scenarios: readonly Scenario[] = [
  archiveScenario,
  journalScenario,
  relationsScenario,
  searchScenario,
  desktopScenario,
  transferScenario,
  browserScenario,
];
