import type { CrewStage } from './crews';
import type { RungId } from './journal';

/** The ladder home: one short read of every rung, and the gentle signals computed from the archive. */

export type SignalKind = 'congregation_without_crew' | 'retrospective_due' | 'dyads_past_rhythm' | 'no_reflection_this_week' | 'gathering_follow_up';

/** Where a signal's link goes: a page, and optionally one record inside it. */
export interface SignalTarget {
  page: RungId;
  detail: { kind: string; id?: string } | null;
}

/** A kind nudge with one place to act. Never a count of failures, never "overdue". */
export interface Signal {
  kind: SignalKind;
  rung: RungId;
  message: string;
  /** The link's label, e.g. "See who seems crewless". */
  action: string;
  target: SignalTarget;
}

export interface RungNumbers {
  self: { partsKnown: number };
  dyads: { active: number };
  crews: { active: number; byStage: Partial<Record<CrewStage, number>> };
  congregations: { count: number; crews: number };
  network: { count: number; hosts: number };
}

export interface LadderSummary {
  numbers: RungNumbers;
  /** The latest day anything happened on each rung (`YYYY-MM-DD`), or null. */
  lastActivity: Record<RungId, string | null>;
  signals: Signal[];
  /** True when nothing at all has been written yet: the home invites rather than reports. */
  empty: boolean;
}

export interface MapNode {
  id: string;
  name: string;
  /** A short word on its state: the dyad's kind, the crew's stage, the congregation's size. */
  note: string;
  /** People it holds (1 for a dyad). */
  people: number;
}

/** My belonging map: me in the middle, then dyads, crews and congregations as rings. */
export interface BelongingMap {
  me: string | null;
  dyads: MapNode[];
  crews: MapNode[];
  congregations: MapNode[];
}
