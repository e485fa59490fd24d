import { backupDrillTrial } from './backup-drill';
import { crashTrial } from './crash';
import { damagedTrial } from './damaged';
import { diskFullTrial } from './disk-full';
import { fuzzTrial } from './fuzz';
import { soakTrial } from './soak';
import type { Trial, TrialContext, TrialReport, TrialSize } from './trial';

/** A trial with its options bound by size, so the battery can hold trials of any options. */
export interface BatteryTrial {
  name: string;
  /** `scale` (0–1] shrinks the counts that set how long a trial runs, for a run on a busy machine. */
  run(size: TrialSize, context: TrialContext, scale?: number): Promise<TrialReport[]>;
}

/** `counts`: the options that say how much a trial does (kills, runs, entries), scaled by `--scale`. */
function sized<Options>(trial: Trial<Options>, counts: (keyof Options)[]): BatteryTrial {
  return {
    name: trial.name,
    run: (size, context, scale = 1) => {
      const options = { ...trial.sizes[size] };
      for (const key of counts) options[key] = Math.max(1, Math.round((options[key] as number) * scale)) as Options[typeof key];
      return trial.run(options, context);
    },
  };
}

/**
 * Every reliability trial, in the order `npm run torture` runs them. (Migrations from every
 * schema are tested over committed fixtures instead: tests/unit/migrations-fixtures.test.ts.)
 */
export const battery: BatteryTrial[] = [
  sized(crashTrial, ['kills']),
  sized(fuzzTrial, ['runsPerRequest', 'validRunsPerRequest']),
  sized(soakTrial, ['entries']),
  sized(diskFullTrial, ['fills']),
  sized(damagedTrial, ['runs']),
  sized(backupDrillTrial, ['drills']),
];
