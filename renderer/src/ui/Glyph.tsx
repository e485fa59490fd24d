import type { ReactNode } from 'react';
import type { PageId } from '../app/navigation-store';

/** Small line drawings for each page: the rungs drawn as groups of people (dots). */
const drawings: Record<PageId, ReactNode> = {
  ladder: (
    <>
      <path d="M7 3v18M17 3v18" />
      <path d="M7 7h10M7 12h10M7 17h10" />
    </>
  ),
  self: (
    <>
      <circle cx="12" cy="12" r="8" />
      <circle cx="9.5" cy="10.5" r="1.2" className="glyph-fill" />
      <circle cx="14.5" cy="10.5" r="1.2" className="glyph-fill" />
      <circle cx="12" cy="14.8" r="1.2" className="glyph-fill" />
    </>
  ),
  dyads: (
    <>
      <circle cx="8" cy="12" r="4" />
      <circle cx="16" cy="12" r="4" />
    </>
  ),
  crews: (
    <>
      <circle cx="12" cy="5.5" r="2.5" />
      <circle cx="18.5" cy="12" r="2.5" />
      <circle cx="12" cy="18.5" r="2.5" />
      <circle cx="5.5" cy="12" r="2.5" />
    </>
  ),
  congregations: (
    <>
      {[0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => {
        const angle = (i / 9) * Math.PI * 2;
        return <circle key={i} cx={12 + Math.cos(angle) * 8} cy={12 + Math.sin(angle) * 8} r="1.5" className="glyph-fill" />;
      })}
      <circle cx="12" cy="12" r="1.5" className="glyph-fill" />
    </>
  ),
  network: (
    <>
      <path d="M9 7.5h6M7.5 10.2l3 4.8M16.5 10.2l-3 4.8" />
      <circle cx="6" cy="7.5" r="3" />
      <circle cx="18" cy="7.5" r="3" />
      <circle cx="12" cy="17.5" r="3" />
    </>
  ),
  search: (
    <>
      <circle cx="10.5" cy="10.5" r="6" />
      <path d="M15 15l5 5" />
    </>
  ),
  settings: (
    <>
      <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
      <circle cx="15" cy="7" r="2" />
      <circle cx="9" cy="17" r="2" />
    </>
  ),
};

export function Glyph({ page, className }: { page: PageId; className?: string }) {
  return (
    <svg
      className={className ? `glyph ${className}` : 'glyph'}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {drawings[page]}
    </svg>
  );
}
