import type { ComponentType } from 'react';
import { CongregationsPage } from '../congregations/CongregationsPage';
import { CrewsPage } from '../crews/CrewsPage';
import { DyadsPage } from '../dyads/DyadsPage';
import { LadderHome } from '../ladder/LadderHome';
import { NetworkPage } from '../network/NetworkPage';
import { SearchPage } from '../search/SearchPage';
import { SelfPage } from '../self/SelfPage';
import { SettingsPage } from '../settings/SettingsPage';
import { Toasts } from '../ui/Toasts';
import { type PageId, useNavigation } from './navigation-store';
import { ReadOnlyBanner } from './ReadOnlyBanner';
import { Sidebar } from './Sidebar';

const pages: Record<PageId, ComponentType> = {
  ladder: LadderHome,
  self: SelfPage,
  dyads: DyadsPage,
  crews: CrewsPage,
  congregations: CongregationsPage,
  network: NetworkPage,
  search: SearchPage,
  settings: SettingsPage,
};

export function Shell() {
  const page = useNavigation((state) => state.page);
  const Page = pages[page];
  return (
    <div className="shell">
      <ReadOnlyBanner />
      <div className="shell-body">
        <Sidebar />
        <main className="main" id="main">
          <Page key={page} />
        </main>
      </div>
      <Toasts />
    </div>
  );
}
