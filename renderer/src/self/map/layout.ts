import { mapSize } from '../../../../shared/domain/self';

/**
 * Where a new part lands on the map. A part never dragged gets its default spot round the
 * ellipse, but once others are pinned that spot may be taken (two parts pinned at the defaults
 * of two, then two more arrive: the third's default is exactly the second's place). Such a part
 * moves to the nearest spot where neither its shape nor its name covers another's.
 */

type Point = { x: number; y: number };
export interface LaidOut extends Point {
  name: string;
}

/** The longest name drawn in full under a shape; longer ones end in "…" (the whole name is its tooltip and label). */
export const mapLabelLength = 18;

/** The name as drawn on the map. */
export function mapLabel(name: string) {
  const trimmed = name.trim();
  return trimmed.length > mapLabelLength ? `${trimmed.slice(0, mapLabelLength - 1).trimEnd()}…` : trimmed;
}

// The shape's size, and roughly how wide a name is drawn (22px, semi-bold) and how far under the shape.
const shapeRoom = 84;
const charWidth = 12.5;
const labelHeight = 30;

function halfLabel(name: string) {
  return (mapLabel(name).length * charWidth) / 2;
}

/** Whether two parts would cover each other: their shapes, or their names side by side. */
export function clash(a: LaidOut, b: LaidOut) {
  const dx = Math.abs(a.x - b.x);
  const dy = Math.abs(a.y - b.y);
  if (Math.hypot(dx, dy) < shapeRoom) return true;
  return dy < labelHeight && dx < halfLabel(a.name) + halfLabel(b.name) + 12;
}

/**
 * The spot nearest `start` (in rings around it) where `name` clashes with none of `taken`;
 * `start` itself when it is free, or when the map is too full to find one.
 */
export function freeSpot(start: Point, name: string, taken: readonly LaidOut[], fit: (point: Point) => Point): Point {
  const free = (point: Point) => !taken.some((other) => clash({ ...point, name }, other));
  if (free(start)) return start;
  const step = 45;
  const rings = Math.ceil(Math.max(mapSize.width, mapSize.height) / step);
  for (let ring = 1; ring <= rings; ring += 1) {
    const around = ring * 8;
    for (let i = 0; i < around; i += 1) {
      // Starting to the right and going round, so the result is the same on every load.
      const angle = (i / around) * Math.PI * 2;
      const point = fit({ x: start.x + Math.cos(angle) * ring * step, y: start.y + Math.sin(angle) * ring * step });
      if (free(point)) return point;
    }
  }
  return start;
}
