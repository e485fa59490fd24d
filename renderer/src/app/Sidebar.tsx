import { Glyph } from '../ui/Glyph';
import { type PageId, useNavigation } from './navigation-store';

const rungLinks: { page: PageId; label: string }[] = [
  { page: 'ladder', label: 'Ladder' },
  { page: 'self', label: 'Self' },
  { page: 'dyads', label: 'Dyads' },
  { page: 'crews', label: 'Crews' },
  { page: 'congregations', label: 'Congregations' },
  { page: 'network', label: 'Network' },
];

const toolLinks: { page: PageId; label: string }[] = [
  { page: 'search', label: 'Search' },
  { page: 'settings', label: 'Settings' },
];

function NavButton({ page, label }: { page: PageId; label: string }) {
  const current = useNavigation((state) => state.page === page);
  const go = useNavigation((state) => state.go);
  return (
    <li>
      <button type="button" className="nav-button" aria-current={current ? 'page' : undefined} onClick={() => go(page)}>
        <Glyph page={page} />
        <span>{label}</span>
      </button>
    </li>
  );
}

export function Sidebar() {
  return (
    <nav className="sidebar" aria-label="Rungs">
      <div className="brand" aria-hidden="true">
        <Glyph page="ladder" className="brand-mark" />
        <span>Ladder</span>
      </div>
      <ul className="nav-list">
        {rungLinks.map((link) => (
          <NavButton key={link.page} {...link} />
        ))}
      </ul>
      <ul className="nav-list nav-tools">
        {toolLinks.map((link) => (
          <NavButton key={link.page} {...link} />
        ))}
      </ul>
    </nav>
  );
}
