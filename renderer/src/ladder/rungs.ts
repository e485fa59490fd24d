import type { PageId } from '../app/navigation-store';

export type RungId = Extract<PageId, 'self' | 'dyads' | 'crews' | 'congregations' | 'network'>;

export interface Rung {
  id: RungId;
  name: string;
  /** How many people, in words. */
  size: string;
  /** One kind line on what this size of group is good for. */
  purpose: string;
  /** What the rung will hold once it is built. */
  coming: string;
}

/** The five rungs, smallest first; each larger group holds and supports the ones before it. */
export const rungs: readonly Rung[] = [
  {
    id: 'self',
    name: 'Self',
    size: 'Just you, and your parts',
    purpose: 'Get to know the parts of you with friendliness. How you meet them shapes how you meet others.',
    coming: '',
  },
  {
    id: 'dyads',
    name: 'Dyads',
    size: '2 people',
    purpose: 'A place for growth and repair between two people, noticing when it feels mutual and when it feels one-sided.',
    coming: '',
  },
  {
    id: 'crews',
    name: 'Crews',
    size: '3–6 people',
    purpose: 'One dinner-table conversation, for support or for doing things together. This is where most of the life happens.',
    coming: '',
  },
  {
    id: 'congregations',
    name: 'Congregations',
    size: '15–150 people',
    purpose: 'Gatherings, once or twice a year, where people meet and crews form.',
    coming: '',
  },
  {
    id: 'network',
    name: 'Network',
    size: 'A congregation of congregations',
    purpose: 'Where hosts of different communities learn from each other and support each other.',
    coming: '',
  },
];

export function rungById(id: RungId): Rung {
  const rung = rungs.find((r) => r.id === id);
  if (!rung) throw new Error(`Unknown rung ${id}`);
  return rung;
}
