import type { PartColour, PartRole } from '../../../../shared/domain/self';
import { partColourVar } from './part-labels';

/**
 * A part's shape says its role at a glance, its colour says which part: managers are squares,
 * firefighters diamonds, exiles circles, and parts not yet known hexagons.
 */
export function shapePath(role: PartRole, r: number): string {
  switch (role) {
    case 'manager': {
      const s = r * 0.86;
      const c = r * 0.22;
      return `M${-s + c},${-s} H${s - c} Q${s},${-s} ${s},${-s + c} V${s - c} Q${s},${s} ${s - c},${s} H${-s + c} Q${-s},${s} ${-s},${s - c} V${-s + c} Q${-s},${-s} ${-s + c},${-s} Z`;
    }
    case 'firefighter':
      return `M0,${-r * 1.12} L${r * 1.12},0 L0,${r * 1.12} L${-r * 1.12},0 Z`;
    case 'exile':
      return `M${-r},0 A${r},${r} 0 1 0 ${r},0 A${r},${r} 0 1 0 ${-r},0 Z`;
    case 'unknown': {
      const points = Array.from({ length: 6 }, (_, i) => {
        const angle = (Math.PI / 3) * i;
        return `${(Math.cos(angle) * r).toFixed(2)},${(Math.sin(angle) * r).toFixed(2)}`;
      });
      return `M${points.join(' L')} Z`;
    }
  }
}

/** A small shape for chips, cards and legends; decorative, since the text beside it names the part. */
export function PartShape({ role, colour, size = 14 }: { role: PartRole; colour: PartColour; size?: number }) {
  return (
    <svg className="part-shape" width={size} height={size} viewBox="-12 -12 24 24" aria-hidden="true" focusable="false">
      <path d={shapePath(role, 9.5)} fill={partColourVar(colour)} className="part-shape-path" />
    </svg>
  );
}
