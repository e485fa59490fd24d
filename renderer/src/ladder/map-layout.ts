import type { MapNode } from '../../../shared/domain/ladder';

/**
 * Where each node of the belonging map goes. Every ring holds as many nodes as fit with room for a
 * label; beyond that, the last place becomes "N more", so the map stays readable with 50+ people.
 */

export type RingKind = 'dyads' | 'crews' | 'congregations';

export interface PlacedNode {
  key: string;
  ring: RingKind;
  /** The record, or null for the "N more" group. */
  node: MapNode | null;
  more: number;
  x: number;
  y: number;
  r: number;
  label: string;
  labelX: number;
  labelY: number;
  anchor: 'start' | 'middle' | 'end';
}

export const mapSize = 920;
export const centre = mapSize / 2;
export const rings: { kind: RingKind; radius: number; node: number }[] = [
  { kind: 'dyads', radius: 140, node: 12 },
  { kind: 'crews', radius: 265, node: 16 },
  { kind: 'congregations', radius: 380, node: 20 },
];

/** Room along a ring for one node and its label. */
const spacing = 64;
const labelMax = 16;

export function capacity(radius: number): number {
  return Math.max(4, Math.floor((2 * Math.PI * radius) / spacing));
}

export function shorten(text: string, max = labelMax): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export function layoutRing(kind: RingKind, nodes: readonly MapNode[]): PlacedNode[] {
  const ring = rings.find((r) => r.kind === kind);
  if (!ring || nodes.length === 0) return [];
  const room = capacity(ring.radius);
  const shown = nodes.length > room ? nodes.slice(0, room - 1) : nodes;
  const more = nodes.length - shown.length;
  const count = shown.length + (more > 0 ? 1 : 0);
  // Rings start at different angles so labels of neighbouring rings don't line up, and clear of
  // the top, where each ring's name is written.
  const offset = { dyads: -Math.PI / 2 + 0.5, crews: -Math.PI / 2 + 0.85, congregations: -Math.PI / 2 + 1.2 }[kind];
  const dense = count > room / 2;
  const placed: PlacedNode[] = [];
  for (let i = 0; i < count; i += 1) {
    const angle = offset + (2 * Math.PI * i) / count;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const x = centre + ring.radius * cos;
    const y = centre + ring.radius * sin;
    const node = i < shown.length ? (shown[i] ?? null) : null;
    // In a crowded ring, every other label sits further out so neighbours don't overlap.
    const gap = ring.node + 6 + (dense && i % 2 === 1 ? 16 : 0);
    const anchor = cos > 0.3 ? 'start' : cos < -0.3 ? 'end' : 'middle';
    placed.push({
      key: node ? `${kind}-${node.id}` : `${kind}-more`,
      ring: kind,
      node,
      more: node ? 0 : more,
      x,
      y,
      r: ring.node,
      label: node ? shorten(node.name) : `${more} more`,
      labelX: x + gap * cos,
      labelY: y + gap * sin + (anchor === 'middle' ? (sin > 0 ? 13 : -3) : 5),
      anchor,
    });
  }
  return placed;
}
