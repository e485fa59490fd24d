import type { ComponentType } from 'react';
import { CongregationsPage } from '../congregations/CongregationsPage';
import { CrewsPage } from '../crews/CrewsPage';
import { DyadsPage } from '../dyads/DyadsPage';
import { LadderHome } from '../ladder/LadderHome';
import { NetworkPage } from '../network/NetworkPage';
import { SearchPage } from '../search/SearchPage';
import { QuickCapture } from '../self/capture/QuickCapture';
import { SelfPage } from '../self/SelfPage';
import { DamagedArchiveScreen } from '../settings/DamagedArchive';
import { SettingsPage } from '../settings/SettingsPage';
import { Toasts } from '../ui/Toasts';
import { useAppInfo } from './app-info-store';
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
  // A damaged archive cannot be read: the shell shows only the way back (restore a backup).
  const damaged = useAppInfo((state) => state.info?.damaged ?? null);
  if (damaged) {
    return (
      <div className="shell">
        <DamagedArchiveScreen damaged={damaged} />
        <Toasts />
      </div>
    );
  }
  return (
    <div className="shell">
      <ReadOnlyBanner />
      <div className="shell-body">
        <Sidebar />
        <main className="main" id="main">
          <Page key={page} />
        </main>
      </div>
      <QuickCapture />
      <Toasts />
    </div>
  );
}
