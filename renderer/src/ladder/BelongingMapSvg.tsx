import type { KeyboardEvent } from 'react';
import type { BelongingMap } from '../../../shared/domain/ladder';
import { type PageDetail, type PageId, useNavigation } from '../app/navigation-store';
import { centre, layoutRing, mapSize, type PlacedNode, type RingKind, rings, shorten } from './map-layout';

const ringNames: Record<RingKind, string> = { dyads: 'Dyads', crews: 'Crews', congregations: 'Congregations' };
const targets: Record<RingKind, { page: PageId; kind: string }> = {
  dyads: { page: 'dyads', kind: 'dyad' },
  crews: { page: 'crews', kind: 'crew' },
  congregations: { page: 'congregations', kind: 'congregation' },
};

function accessibleName(placed: PlacedNode): string {
  const node = placed.node;
  if (!node) return `${placed.more} more ${ringNames[placed.ring].toLowerCase()}: open ${ringNames[placed.ring]}`;
  if (placed.ring === 'dyads') return `Dyad with ${node.name} (${node.note})`;
  if (placed.ring === 'crews') return `Crew ${node.name}, ${node.note}, ${node.people} ${node.people === 1 ? 'person' : 'people'}`;
  return `Congregation ${node.name}, ${node.note}, about ${node.people} ${node.people === 1 ? 'person' : 'people'}`;
}

/** Me in the middle; dyads, crews and congregations on rings around me. Every node is a button. */
export function BelongingMapSvg({ map }: { map: BelongingMap }) {
  const go = useNavigation((state) => state.go);
  const placed = [...layoutRing('dyads', map.dyads), ...layoutRing('crews', map.crews), ...layoutRing('congregations', map.congregations)];
  const open = (p: PlacedNode) => {
    const target = targets[p.ring];
    const detail: PageDetail | null = p.node ? { kind: target.kind, id: p.node.id } : null;
    go(target.page, detail);
  };
  const onKey = (event: KeyboardEvent, p: PlacedNode) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(p);
    }
  };
  const meLabel = map.me ? shorten(map.me, 12) : 'You';
  return (
    <svg className="belonging-map" viewBox={`0 0 ${mapSize} ${mapSize}`} role="group" aria-label="Belonging map">
      {rings.map((ring) => (
        <g key={ring.kind} aria-hidden="true">
          <circle className={`bmap-ring bmap-ring-${ring.kind}`} cx={centre} cy={centre} r={ring.radius} />
          <text className="bmap-ring-name" x={centre} y={centre - ring.radius + (ring.kind === 'dyads' ? 36 : 42)} textAnchor="middle">
            {ringNames[ring.kind]}
          </text>
        </g>
      ))}
      <g aria-hidden="true">
        {placed.map((p) => (
          <line key={p.key} className="bmap-spoke" x1={centre} y1={centre} x2={p.x} y2={p.y} />
        ))}
      </g>
      <g aria-label={map.me ? `You, ${map.me}` : 'You'} role="img">
        <circle className="bmap-me" cx={centre} cy={centre} r={34} />
        {/* A name longer than the circle is narrowed to fit inside it (over a dark page, letters outside it vanish). */}
        <text
          className="bmap-me-name"
          x={centre}
          y={centre + 6}
          textAnchor="middle"
          {...(meLabel.length > 6 ? { textLength: 56, lengthAdjust: 'spacingAndGlyphs' as const } : {})}
        >
          {meLabel}
        </text>
      </g>
      {placed.map((p) => (
        <g
          key={p.key}
          className={`bmap-node bmap-node-${p.ring}${p.node ? '' : ' bmap-node-more'}`}
          role="button"
          tabIndex={0}
          aria-label={accessibleName(p)}
          onClick={() => open(p)}
          onKeyDown={(event) => onKey(event, p)}
        >
          <title>{accessibleName(p)}</title>
          <circle className="bmap-dot" cx={p.x} cy={p.y} r={p.r} />
          <text className="bmap-count" x={p.x} y={p.y + 5} textAnchor="middle" aria-hidden="true">
            {p.node ? (p.ring === 'dyads' || p.node.people === 0 ? '' : p.node.people) : `+${p.more}`}
          </text>
          <text className="bmap-label" x={p.labelX} y={p.labelY} textAnchor={p.anchor} aria-hidden="true">
            {p.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
