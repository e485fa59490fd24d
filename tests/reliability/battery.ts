import { crashTrial } from './crash';
import { fuzzTrial } from './fuzz';
import { soakTrial } from './soak';
import type { Trial, TrialContext, TrialReport, TrialSize } from './trial';

/** A trial with its options bound by size, so the battery can hold trials of any options. */
export interface BatteryTrial {
  name: string;
  run(size: TrialSize, context: TrialContext): Promise<TrialReport[]>;
}

function sized<Options>(trial: Trial<Options>): BatteryTrial {
  return { name: trial.name, run: (size, context) => trial.run(trial.sizes[size], context) };
}

/**
 * Every reliability trial, in the order `npm run torture` runs them. Disk full, damaged files,
 * the backup drill and migrations from every schema join here as they land.
 */
export const battery: BatteryTrial[] = [sized(crashTrial), sized(fuzzTrial), sized(soakTrial)];
