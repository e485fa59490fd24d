import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/domain/jobs';
import { makeTempDir } from '../support/temp-dir';
import { everyRow, filesUnder, holdsWord, openPrivacyCore, type PrivacyCore, passphrase, seedEveryRung } from './privacy-support';

async function finished(t: PrivacyCore, jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await t.call('jobs.status', { id: jobId });
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function tempFolder() {
  const temp = makeTempDir('ladder-privacy-export-');
  return temp;
}

describe('export and import of an encrypted archive', () => {
  it('exports encrypted JSON only, which imports elsewhere with the passphrase; a wrong one writes nothing', async () => {
    const t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    const out = tempFolder();
    try {
      expect(await t.send('transfer.exportStart', { folder: out.dir })).toMatchObject({ ok: false, error: { field: 'passphrase' } });
      expect(await t.send('transfer.exportStart', { folder: out.dir, passphrase: 'not my passphrase' })).toMatchObject({
        ok: false,
        error: { field: 'passphrase', message: 'That passphrase does not open this archive.' },
      });
      const { jobId } = await t.call('transfer.exportStart', { folder: out.dir, passphrase });
      const status = await finished(t, jobId);
      expect(status.state).toBe('done');
      const files = filesUnder(out.dir);
      expect(files.map((f) => path.basename(f))).toEqual(['ladder-archive.encrypted.json']);
      for (const file of files) expect(holdsWord(file)).toBe(false);
      const exported = files[0] ?? '';

      // Another computer: a fresh, plain archive.
      const other = await openPrivacyCore();
      const empty = everyRow(other.core);
      expect(await other.send('transfer.importStart', { format: 'ladder-json', path: exported, dryRun: false })).toMatchObject({
        ok: false,
        error: { field: 'passphrase', message: expect.stringContaining('encrypted') as string },
      });
      const wrong = await other.call('transfer.importStart', { format: 'ladder-json', path: exported, dryRun: false, passphrase: 'not my passphrase' });
      expect(await finished(other, wrong.jobId)).toMatchObject({ state: 'failed', error: { message: expect.stringContaining('does not open this export') as string } });
      expect(everyRow(other.core)).toEqual(empty);
      const right = await other.call('transfer.importStart', { format: 'ladder-json', path: exported, dryRun: false, passphrase });
      expect((await finished(other, right.jobId)).state).toBe('done');
      const entries = await other.call('journal.list', {});
      expect(entries.entries.map((e) => e.title)).toContain('Morning pages');
    } finally {
      out.remove();
    }
  });

  it('a plain export, chosen explicitly, writes readable files', async () => {
    const t = await openPrivacyCore();
    await seedEveryRung(t);
    await t.call('privacy.setPassphrase', { passphrase, deletePlainBackups: true });
    const out = tempFolder();
    try {
      const { jobId } = await t.call('transfer.exportStart', { folder: out.dir, plain: true });
      expect((await finished(t, jobId)).state).toBe('done');
      const [folder] = readdirSync(out.dir);
      const files = filesUnder(path.join(out.dir, folder ?? ''));
      expect(files.some((f) => f.endsWith('ladder-archive.json'))).toBe(true);
      expect(files.some((f) => f.endsWith('.md') && holdsWord(f))).toBe(true);
    } finally {
      out.remove();
    }
  });
});
