import '../styles/ladder.css';
import './settings.css';
import { useAppInfo } from '../app/app-info-store';
import { PrivacySection } from '../privacy/PrivacySection';
import { ShortcutList } from '../app/shortcuts';
import { PageHeading } from '../ui/PageHeading';
import { BackupsSection } from './BackupsSection';
import { ExportSection } from './ExportSection';
import { ImportSection } from './ImportSection';

/** Where the archive lives and which versions are in use, so nobody has to wonder where their words are. */
export function SettingsPage() {
  const info = useAppInfo((state) => state.info);
  const error = useAppInfo((state) => state.error);
  return (
    <div className="page settings">
      <PageHeading lead="Ladder keeps everything on this computer and never sends anything over the internet.">Settings</PageHeading>
      <section className="settings-section" aria-labelledby="archive-heading">
        <h2 id="archive-heading">Your archive</h2>
        {info ? (
          <dl className="settings-list">
            <div>
              <dt>Stored at</dt>
              <dd>
                <code className="path">{info.databasePath}</code>
              </dd>
            </div>
            <div>
              <dt>Archive format</dt>
              <dd>Version {info.schemaVersion}</dd>
            </div>
            <div>
              <dt>Ladder</dt>
              <dd>Version {info.version}</dd>
            </div>
            {info.readOnly ? (
              <div>
                <dt>Writing</dt>
                <dd>Switched off. {info.readOnlyReason}</dd>
              </div>
            ) : null}
          </dl>
        ) : (
          <p className="muted">{error ?? 'Looking for your archive…'}</p>
        )}
        <p className="settings-hint">Your archive is this one file. Ladder backs it up for you below, and Export makes a copy you can read anywhere.</p>
      </section>
      <PrivacySection />
      <BackupsSection />
      <ExportSection />
      <ImportSection />
      <section className="settings-section" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">Appearance</h2>
        <p className="muted">Ladder follows your system&rsquo;s light or dark setting.</p>
      </section>
      <section className="settings-section" aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <ShortcutList />
        <p className="settings-hint">Press ? or F1 anywhere (outside a text box) to see them again.</p>
      </section>
    </div>
  );
}
