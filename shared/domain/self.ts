/**
 * The Self rung's ideas, after Internal Family Systems: parts and their relations, the 8 C's of
 * Self-energy, and the guided protector reflection (the 6 F's). Self is not a part.
 */

export const partRoles = ['manager', 'firefighter', 'exile', 'unknown'] as const;
export type PartRole = (typeof partRoles)[number];

/** A part's role in the app's words (one place: its page, the map, search). */
export const partRoleLabels: Record<PartRole, string> = {
  manager: 'Manager',
  firefighter: 'Firefighter',
  exile: 'Exile',
  unknown: 'Not sure yet',
};

/** The path a part travels as you get to know it; it may move back as well as forward. */
export const partStatuses = ['noticed', 'getting_to_know', 'befriended', 'witnessed', 'unburdened', 'new_role'] as const;
export type PartStatus = (typeof partStatuses)[number];

export const relationKinds = ['protects', 'polarised', 'allied'] as const;
export type RelationKind = (typeof relationKinds)[number];

/** Polarised and allied go both ways; "protects" has a direction (the part protects the other one). */
export function isSymmetric(kind: RelationKind) {
  return kind !== 'protects';
}

/** Colours a part may wear: each reads on the light and the dark theme. */
export const partColours = ['sage', 'ocean', 'plum', 'clay', 'amber', 'rose', 'slate', 'moss'] as const;
export type PartColour = (typeof partColours)[number];

export const trustRange = { min: 0, max: 10 } as const;

export interface Part {
  id: string;
  name: string;
  role: PartRole;
  colour: PartColour;
  /** Where it is felt in or around the body. */
  bodyLocation: string;
  /** How old it seems, in the person's words ("about seven", "a teenager"). */
  apparentAge: string;
  /** What it does. */
  job: string;
  /** What it is trying to do for you. */
  positiveIntent: string;
  /** What it fears would happen if it stopped. */
  fears: string;
  /** What sets it off. */
  trailheads: string;
  /** How much it trusts you, 0–10; null until you have a sense of it. */
  trust: number | null;
  status: PartStatus;
  notes: string;
  /** Where it sits on the parts map; null until placed. */
  mapX: number | null;
  mapY: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface PartStatusChange {
  id: string;
  status: PartStatus;
  /** When the part reached this status. */
  changedAt: string;
}

export interface PartRelation {
  id: string;
  kind: RelationKind;
  /** For "protects": the protector. For the symmetric kinds: either part. */
  partId: string;
  otherPartId: string;
}

export interface PartDetail {
  part: Part;
  statusHistory: PartStatusChange[];
  /** Every live relation this part takes part in, either end. */
  relations: PartRelation[];
}

export interface PartMap {
  parts: Part[];
  relations: PartRelation[];
}

/** A dated copy of the parts map, kept to compare how the map changed. */
export interface MapSnapshot {
  id: string;
  takenOn: string;
  note: string;
  map: SnapshotMap;
  createdAt: string;
}

export interface SnapshotMap {
  parts: { id: string; name: string; role: PartRole; colour: PartColour; status: PartStatus; x: number; y: number }[];
  relations: { kind: RelationKind; partId: string; otherPartId: string }[];
}

export interface MapSnapshotSummary {
  id: string;
  takenOn: string;
  note: string;
  partCount: number;
}

// ---------------------------------------------------------------- Self-energy

/** The 8 C's of Self-energy, in the order IFS usually lists them. */
export const selfEnergyQualities = [
  'calm',
  'curiosity',
  'clarity',
  'compassion',
  'confidence',
  'courage',
  'creativity',
  'connectedness',
] as const;
export type SelfEnergyQuality = (typeof selfEnergyQualities)[number];

export const selfEnergyRange = { min: 0, max: 5 } as const;

/** A Self-energy check: each C optional, 0–5. */
export type SelfEnergy = Partial<Record<SelfEnergyQuality, number>>;

export function isEmptySelfEnergy(check: SelfEnergy | null | undefined) {
  return !check || selfEnergyQualities.every((q) => check[q] === undefined);
}

export interface SelfEnergyWeek {
  /** The Monday the week starts on, `YYYY-MM-DD`. */
  weekStart: string;
  /** How many checks fell in the week. */
  checks: number;
  /** The mean of each C over the checks that rated it; absent when none did. */
  averages: SelfEnergy;
}

// ---------------------------------------------------------------- the 6 F's

/** Feelings toward a part that tell us another part is answering, not Self. */
export const reactiveFeelings = ['annoyed', 'afraid', 'impatient', 'want it gone', 'overwhelmed', 'judging it', 'numb'] as const;
export type ReactiveFeeling = (typeof reactiveFeelings)[number];

/**
 * The feel-toward step of the 6 F's: Self is present when curiosity or calm is there and no
 * reactive feeling is. Otherwise the flow suggests asking the reacting part to step back first.
 * A step left empty says nothing either way (any answer may stay empty), so it suggests nothing.
 */
export function suggestsSteppingBack(selfEnergy: SelfEnergy, feelings: readonly string[]) {
  if (isEmptySelfEnergy(selfEnergy) && feelings.length === 0) return false;
  const curiousOrCalm = (selfEnergy.curiosity ?? 0) >= 2 || (selfEnergy.calm ?? 0) >= 2;
  return !curiousOrCalm || feelings.length > 0;
}

// ---------------------------------------------------------------- the parts map

/** The map's drawing space; parts are placed inside it and the view scales it to fit. */
export const mapSize = { width: 960, height: 600 } as const;

/**
 * Where a part that was never dragged sits: around an ellipse, in the order parts were made.
 * The core (for snapshots) and the UI (for drawing) share it, so both see the same map.
 */
export function defaultMapPosition(index: number, count: number): { x: number; y: number } {
  const cx = mapSize.width / 2;
  const cy = mapSize.height / 2;
  if (count <= 1) return { x: cx, y: cy };
  // Start at the left and go round clockwise, so two parts sit side by side.
  const angle = Math.PI + (index / count) * Math.PI * 2;
  return { x: Math.round(cx + Math.cos(angle) * mapSize.width * 0.34), y: Math.round(cy + Math.sin(angle) * mapSize.height * 0.32) };
}

/** Each part's place on the map: where it was dragged to, or its default spot. Parts in creation order. */
export function mapPositions(parts: readonly Pick<Part, 'id' | 'mapX' | 'mapY'>[]): Map<string, { x: number; y: number }> {
  const ordered = [...parts].sort((a, b) => (a.id < b.id ? -1 : 1));
  return new Map(
    ordered.map((part, index) => [
      part.id,
      part.mapX !== null && part.mapY !== null ? { x: part.mapX, y: part.mapY } : defaultMapPosition(index, ordered.length),
    ]),
  );
}
