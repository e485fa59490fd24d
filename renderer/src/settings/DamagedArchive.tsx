import '../styles/ladder.css';
import './settings.css';
import { useEffect } from 'react';
import type { DamagedArchive, SalvageSummary } from '../../../shared/domain/backup';
import { BackupList } from './BackupList';
import { backupWhen } from './backup-format';
import { useBackups } from './backup-store';
import { listOf } from '../ui/sentences';

/** Shown instead of the app when the archive file is damaged: what happened, and the way back. */
export function DamagedArchiveScreen({ damaged }: { damaged: DamagedArchive }) {
  const overview = useBackups((state) => state.overview);
  const busy = useBackups((state) => state.busy);
  const error = useBackups((state) => state.error);
  const load = useBackups((state) => state.load);
  const restore = useBackups((state) => state.restore);
  const newest = damaged.newestGoodBackup;
  const others = (overview?.backups ?? []).filter((b) => b.name !== newest?.name);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <main className="damaged-screen" id="main">
      <div className="damaged-card">
        <h1>Your archive is damaged</h1>
        <p className="damaged-lead">
          Ladder could not read the file that holds your archive, so it has not opened it and has not changed it in any way.
        </p>
        <div className="damaged-found">
          <p>
            <strong>What Ladder found:</strong> {damaged.reason}
          </p>
          <p className="muted">The damaged file:</p>
          <code className="path">{damaged.path}</code>
        </div>
        {newest ? (
          <div className="damaged-offer">
            <h2>Restore your newest good backup</h2>
            <p>
              The backup from <strong>{backupWhen(newest)}</strong> passed its check. Restoring it moves the damaged file aside, where it stays
              untouched, and opens the backup in its place. Anything written after that backup is not in it.
            </p>
            <button type="button" className="button button-primary" disabled={busy !== 'idle'} onClick={() => void restore(newest.name)}>
              {busy === 'restoring' ? 'Restoring…' : `Restore the backup from ${backupWhen(newest)}`}
            </button>
          </div>
        ) : (
          <div className="damaged-offer">
            <h2>No good backup was found</h2>
            <p>
              Keep the file above safe: copy it somewhere before trying anything else. A recovered copy (below) may get most of it back; for
              experts, the sqlite3 command&rsquo;s <code>.recover</code> may get more.
            </p>
          </div>
        )}
        <RecoverSection />
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {others.length > 0 ? (
          <details className="damaged-others">
            <summary>Other backups</summary>
            <BackupList backups={others} disabled={busy !== 'idle'} />
          </details>
        ) : null}
      </div>
    </main>
  );
}

/** What the tables hold, in the words the app uses; anything else is counted as "other records". */
const nouns: Record<string, [string, string]> = {
  entry: ['entry', 'entries'],
  person: ['person', 'people'],
  dyad: ['dyad', 'dyads'],
  checkin: ['check-in', 'check-ins'],
  commitment: ['commitment', 'commitments'],
  part: ['part', 'parts'],
  crew: ['crew', 'crews'],
  meeting: ['meeting', 'meetings'],
  congregation: ['congregation', 'congregations'],
  gathering: ['gathering', 'gatherings'],
  network: ['network', 'networks'],
  prompt: ['prompt', 'prompts'],
  template: ['template', 'templates'],
};

const count = (n: number, table: string) => {
  const [one, many] = nouns[table] ?? ['other record', 'other records'];
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
};

function tally(summary: SalvageSummary, pick: (t: SalvageSummary['tables'][number]) => number) {
  const totals = new Map<string, number>();
  for (const t of summary.tables) {
    const key = t.table in nouns ? t.table : 'other';
    totals.set(key, (totals.get(key) ?? 0) + pick(t));
  }
  const order = [...Object.keys(nouns), 'other'];
  return order.filter((key) => (totals.get(key) ?? 0) > 0).map((key) => count(totals.get(key) ?? 0, key));
}

/** "Recovered 1,234 entries and 56 people; 3 entries could not be read." */
export function salvageSentence(summary: SalvageSummary) {
  const copied = tally(summary, (t) => t.copied);
  const unreadable = tally(summary, (t) => t.unreadable);
  const recovered = copied.length > 0 ? `Recovered ${listOf(copied)}` : 'Nothing could be recovered';
  const lost = unreadable.length > 0 ? `; ${listOf(unreadable)} could not be read.` : '; nothing that was found is missing.';
  return recovered + lost;
}

/** Offered whatever backups exist: it reads what it can from the damaged file into a new archive. */
function RecoverSection() {
  const recovery = useBackups((state) => state.recovery);
  const busy = useBackups((state) => state.busy);
  const recover = useBackups((state) => state.recover);
  const restore = useBackups((state) => state.restore);
  const running = recovery.state === 'running';
  return (
    <section className="damaged-recover" aria-labelledby="damaged-recover-heading">
      <h2 id="damaged-recover-heading">Make a recovered copy</h2>
      <p>Reads what can still be read into a new archive; the damaged file is not changed.</p>
      {recovery.state !== 'done' ? (
        <button type="button" className="button" disabled={running || busy !== 'idle'} onClick={() => void recover()}>
          {running ? 'Making a recovered copy…' : 'Make a recovered copy'}
        </button>
      ) : null}
      {running ? (
        <p className="muted" role="status">
          {recovery.phase}: {recovery.done.toLocaleString()} records so far.
        </p>
      ) : null}
      {recovery.state === 'failed' ? (
        <p className="field-error" role="alert">
          {recovery.message}
        </p>
      ) : null}
      {recovery.state === 'done' ? (
        <>
          <p role="status">
            <strong>{salvageSentence(recovery.summary)}</strong>
          </p>
          {recovery.summary.missingParent > 0 ? (
            <p className="muted">
              {recovery.summary.missingParent.toLocaleString()} of them belong to something that could not be read; they were kept all the same.
            </p>
          ) : null}
          <p className="muted">
            The copy is kept in the backups folder as <code>{recovery.summary.backup.name}</code>. Using it moves the damaged file aside, untouched.
          </p>
          <button
            type="button"
            className="button button-primary"
            disabled={busy !== 'idle'}
            onClick={() => void restore(recovery.summary.backup.name)}
          >
            {busy === 'restoring' ? 'Restoring…' : 'Use the recovered copy'}
          </button>
        </>
      ) : null}
    </section>
  );
}
