import { type KeyboardEvent, type PointerEvent, useId, useRef } from 'react';
import { mapSize, type PartColour, type PartRole, type RelationKind } from '../../../../shared/domain/self';
import { partColourVar, relationLabels, roleLabels } from '../parts/part-labels';
import { shapePath } from '../parts/PartShape';
import { mapLabel } from './layout';

export interface MapNode {
  id: string;
  name: string;
  role: PartRole;
  colour: PartColour;
  x: number;
  y: number;
}

export interface MapLine {
  key: string;
  kind: RelationKind;
  partId: string;
  otherPartId: string;
}

const radius = 32;

interface Props {
  nodes: MapNode[];
  lines: MapLine[];
  /** Names the drawing, e.g. "Parts map" or "Map on 2026-03-01". */
  label: string;
  /** When given, parts can be dragged (and moved with arrow keys). */
  onMove?: (id: string, to: { x: number; y: number }) => void;
  onDrop?: () => void;
  onOpen?: (id: string) => void;
  className?: string;
}

/** Turns a pointer position into the map's own coordinates, allowing for how the drawing is scaled. */
function toMapPoint(svg: SVGSVGElement, clientX: number, clientY: number) {
  const rect = svg.getBoundingClientRect();
  const scale = Math.min(rect.width / mapSize.width, rect.height / mapSize.height) || 1;
  const offsetX = (rect.width - mapSize.width * scale) / 2;
  const offsetY = (rect.height - mapSize.height * scale) / 2;
  return { x: (clientX - rect.left - offsetX) / scale, y: (clientY - rect.top - offsetY) / scale };
}

/** A line between two parts, stopping short of each shape so arrowheads stay visible. */
function segment(a: MapNode, b: MapNode) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const trim = radius + 8;
  return {
    x1: a.x + (dx / length) * trim,
    y1: a.y + (dy / length) * trim,
    x2: b.x - (dx / length) * trim,
    y2: b.y - (dy / length) * trim,
  };
}

/**
 * The parts map as SVG: shape by role, colour by part, and a line style per relation. The same
 * drawing shows the live map (draggable) and dated snapshots (still).
 */
export function PartsMapSvg({ nodes, lines, label, onMove, onDrop, onOpen, className }: Props) {
  const id = useId();
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{ id: string; dx: number; dy: number; moved: boolean } | null>(null);
  const keyTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const interactive = onMove !== undefined;

  const pointerDown = (event: PointerEvent<SVGGElement>, node: MapNode) => {
    if (!interactive || !svgRef.current || event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    const at = toMapPoint(svgRef.current, event.clientX, event.clientY);
    drag.current = { id: node.id, dx: at.x - node.x, dy: at.y - node.y, moved: false };
  };
  const pointerMove = (event: PointerEvent<SVGGElement>) => {
    const current = drag.current;
    if (!current || !svgRef.current) return;
    const at = toMapPoint(svgRef.current, event.clientX, event.clientY);
    current.moved = true;
    onMove?.(current.id, { x: at.x - current.dx, y: at.y - current.dy });
  };
  const pointerUp = () => {
    const current = drag.current;
    drag.current = null;
    if (current?.moved) onDrop?.();
  };

  const keyDown = (event: KeyboardEvent<SVGGElement>, node: MapNode) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onOpen?.(node.id);
      return;
    }
    const step = event.shiftKey ? 40 : 10;
    const moves: Record<string, [number, number]> = { ArrowUp: [0, -step], ArrowDown: [0, step], ArrowLeft: [-step, 0], ArrowRight: [step, 0] };
    const move = moves[event.key];
    if (!move || !interactive) return;
    event.preventDefault();
    onMove?.(node.id, { x: node.x + move[0], y: node.y + move[1] });
    // Save once the keys rest, not on every press.
    if (keyTimer.current) clearTimeout(keyTimer.current);
    keyTimer.current = setTimeout(() => onDrop?.(), 400);
  };

  return (
    <svg
      ref={svgRef}
      className={`parts-map ${className ?? ''}`}
      viewBox={`0 0 ${mapSize.width} ${mapSize.height}`}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{label}</title>
      <desc id={`${id}-desc`}>
        {lines.length === 0
          ? 'No lines between parts yet.'
          : lines
              .map((line) => `${byId.get(line.partId)?.name ?? 'A part'} ${relationLabels[line.kind]} ${byId.get(line.otherPartId)?.name ?? 'another part'}.`)
              .join(' ')}
      </desc>
      <defs>
        <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0,0 L10,5 L0,10 z" className="map-arrow" />
        </marker>
      </defs>
      <g className="map-lines" aria-hidden="true">
        {lines.map((line) => {
          const a = byId.get(line.partId);
          const b = byId.get(line.otherPartId);
          if (!a || !b) return null;
          return (
            <line
              key={line.key}
              {...segment(a, b)}
              className={`map-line map-line-${line.kind}`}
              markerEnd={line.kind === 'protects' ? `url(#${id}-arrow)` : undefined}
            />
          );
        })}
      </g>
      <g className="map-nodes">
        {nodes.map((node) => (
          <g
            key={node.id}
            className={interactive ? 'map-node map-node-movable' : 'map-node'}
            transform={`translate(${node.x} ${node.y})`}
            role={interactive ? 'button' : 'img'}
            tabIndex={interactive ? 0 : undefined}
            aria-label={`${node.name}, ${roleLabels[node.role].toLowerCase()}`}
            aria-roledescription={interactive ? 'movable part' : undefined}
            onPointerDown={(event) => pointerDown(event, node)}
            onPointerMove={pointerMove}
            onPointerUp={pointerUp}
            onPointerCancel={pointerUp}
            onDoubleClick={() => onOpen?.(node.id)}
            onKeyDown={(event) => keyDown(event, node)}
          >
            {/* The whole name on hover when the drawn one is shortened. */}
            {mapLabel(node.name) !== node.name.trim() ? <title>{node.name}</title> : null}
            <path d={shapePath(node.role, radius)} fill={partColourVar(node.colour)} className="map-shape" />
            <text y={radius + 30} className="map-label" textAnchor="middle">
              {mapLabel(node.name)}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
