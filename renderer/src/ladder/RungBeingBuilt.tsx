import '../styles/ladder.css';
import type { ReactNode } from 'react';
import { useNavigation } from '../app/navigation-store';
import type { PageId } from '../app/navigation-store';
import { Glyph } from '../ui/Glyph';
import { PageHeading } from '../ui/PageHeading';

/** A calm page for a part of Ladder that is not built yet: what it is for, and what is coming. */
export function BeingBuilt({
  page,
  title,
  size,
  purpose,
  coming,
  note = 'This rung is being built',
}: {
  page: PageId;
  title: string;
  size?: string;
  purpose: ReactNode;
  coming: ReactNode;
  note?: string;
}) {
  const go = useNavigation((state) => state.go);
  return (
    <div className="page being-built">
      <PageHeading lead={size}>{title}</PageHeading>
      <div className="being-built-card">
        <Glyph page={page} className="being-built-glyph" />
        <p className="being-built-purpose">{purpose}</p>
        <div className="being-built-note">
          <h2>{note}</h2>
          <p>{coming}</p>
          <p>Until then, your journal on the Self rung is ready whenever you are.</p>
        </div>
        <button type="button" className="button" onClick={() => go('self')}>
          Write in your journal
        </button>
      </div>
    </div>
  );
}
