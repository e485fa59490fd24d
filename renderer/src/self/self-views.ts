import type { PageDetail } from '../app/navigation-store';

/**
 * The Self page's views, chosen through the navigation detail: `{ kind: 'parts' }`,
 * `{ kind: 'part', id }` and so on; no detail is the journal.
 */
export type SelfView = 'journal' | 'parts' | 'part' | 'map' | 'self-energy' | 'library' | 'protector';

const known = new Set<SelfView>(['journal', 'parts', 'part', 'map', 'self-energy', 'library', 'protector']);

export function viewOf(detail: PageDetail | null): SelfView {
  if (!detail) return 'journal';
  if (detail.kind === 'entry') return 'journal';
  return known.has(detail.kind as SelfView) ? (detail.kind as SelfView) : 'journal';
}

export const selfTabs: { view: SelfView; label: string }[] = [
  { view: 'journal', label: 'Journal' },
  { view: 'parts', label: 'Parts' },
  { view: 'map', label: 'Parts map' },
  { view: 'self-energy', label: 'Self-energy' },
  { view: 'library', label: 'Prompts and templates' },
];

/** Which tab a view belongs under (a part's page lives under Parts). */
export function tabOf(view: SelfView): SelfView {
  if (view === 'part') return 'parts';
  if (view === 'protector') return 'journal';
  return view;
}
