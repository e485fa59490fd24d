import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir';
import { coreBridge } from './core-bridge';
import { renderApp, sidebar } from './render-app';

const answered = { timeout: 3_000 };
const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function dayOneFile() {
  const temp = makeTempDir('ladder-dayone-');
  temps.push(temp.remove);
  const file = path.join(temp.dir, 'Journal.json');
  writeFileSync(
    file,
    JSON.stringify({
      entries: [
        { creationDate: '2023-05-01T10:00:00Z', timeZone: 'UTC', text: '# Harbour\n\nBoats at dawn.', tags: ['travel'] },
        { creationDate: '2023-05-02T10:00:00Z', timeZone: 'UTC', text: 'Rain all day.' },
      ],
    }),
  );
  return file;
}

describe('Settings: import', () => {
  it('checks first, shows what would change, and imports only after a yes', async () => {
    const file = dayOneFile();
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Import' });
    await user.selectOptions(screen.getByLabelText('What to import'), 'day-one-json');
    await user.type(screen.getByLabelText('The JSON file'), file);
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));

    const table = await screen.findByRole('table', { name: 'What this import would do' }, answered);
    const entries = within(table).getByRole('row', { name: /Journal entries/ });
    expect(within(entries).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '0', '0']);
    expect((await coreBridge().direct('journal.list', {})).entries).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Import these changes' }));
    expect(await screen.findByText(/Imported: 4 new/, {}, answered)).toBeInTheDocument();
    const titles = (await coreBridge().direct('journal.list', {})).entries.map((e) => e.title);
    expect(titles).toEqual(['', 'Harbour']);
  });

  it('shows a clear error, naming the file, for something that is not an export', async () => {
    const temp = makeTempDir('ladder-bad-');
    temps.push(temp.remove);
    const file = path.join(temp.dir, 'notes.json');
    writeFileSync(file, '{ "format": "something else" }');
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    await user.type(await screen.findByLabelText('The JSON file'), file);
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));
    expect(await screen.findByRole('alert', {}, answered)).toHaveTextContent('notes.json is not a Ladder export');
  });

  it('clears the last check’s error at every new check, and asks for a full path when it is relative', async () => {
    const temp = makeTempDir('ladder-bad-');
    temps.push(temp.remove);
    const file = path.join(temp.dir, 'notjson.json');
    writeFileSync(file, 'hello, this is not an export');
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    const field = await screen.findByLabelText('The JSON file');
    await user.type(field, file);
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));
    const first = await screen.findByRole('alert', {}, answered);
    expect(first).toHaveTextContent('notjson.json is not a Ladder export: it is not JSON at all.');
    expect(first).not.toHaveTextContent(/Unexpected token/);

    await user.clear(field);
    await user.type(field, 'relative/path.json');
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));
    const alerts = await screen.findAllByRole('alert', {}, answered);
    expect(alerts.map((a) => a.textContent)).toEqual(['Give the full path, starting with / (like /home/you/Documents), or with ~ for your home folder.']);
  });

  it('replaces a failed check’s error when the same file is checked again and fails otherwise', async () => {
    const temp = makeTempDir('ladder-bad-');
    temps.push(temp.remove);
    const file = path.join(temp.dir, 'ladder-archive.json');
    writeFileSync(file, 'not json');
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    await user.type(await screen.findByLabelText('The JSON file'), file);
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));
    expect(await screen.findByRole('alert', {}, answered)).toHaveTextContent('is not JSON at all');

    // Now an encrypted export, checked without its passphrase: refused before any job starts.
    writeFileSync(file, '{"format":"ladder-encrypted-export","formatVersion":1}');
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));
    await screen.findByText(/This export is encrypted/, {}, answered);
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['This export is encrypted. Enter the passphrase of the archive it came from.']);
  });

  it('says a folder is a folder when the JSON file is wanted', async () => {
    const temp = makeTempDir('ladder-folder-');
    temps.push(temp.remove);
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    await user.type(await screen.findByLabelText('The JSON file'), temp.dir);
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));
    expect(await screen.findByRole('alert', {}, answered)).toHaveTextContent(`${temp.dir} is a folder, and a Ladder export is a file.`);
  });

  it('labels the passphrase field in the page’s label style, like the fields around it', async () => {
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { name: 'Import' });
    const label = (name: string) => document.querySelector(`label[for="${screen.getByLabelText(name).id}"]`);
    expect(label('The JSON file')).toHaveClass('field-label');
    expect(label('Passphrase, for an encrypted export')).toHaveClass('field-label');
  });
});

/** A Ladder export of two people, one deleted, then both gone from the archive (as if imported into another one). */
async function exportWithADeletedPerson() {
  const bridge = coreBridge();
  const ada = await bridge.direct('people.create', { name: 'Ada' });
  const bea = await bridge.direct('people.create', { name: 'Bea' });
  await bridge.direct('people.delete', { id: bea.id });
  const temp = makeTempDir('ladder-export-');
  temps.push(temp.remove);
  const { jobId } = await bridge.direct('transfer.exportStart', { folder: temp.dir });
  let status = await bridge.direct('jobs.status', { id: jobId });
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 20));
    status = await bridge.direct('jobs.status', { id: jobId });
  }
  if (status.result?.kind !== 'export') throw new Error(`The export did not finish: ${status.error?.message}`);
  return { file: status.result.export.jsonFile, ada, bea };
}

describe('Settings: import of records deleted where they come from', () => {
  it('counts them apart, in plain words, beside new and already here', async () => {
    const { file, ada, bea } = await exportWithADeletedPerson();
    const sqlite = coreBridge().core.archive.sqlite;
    sqlite.prepare('DELETE FROM person WHERE id IN (?, ?)').run(ada.id, bea.id);
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    await user.type(await screen.findByLabelText('The JSON file'), file);
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));

    const table = await screen.findByRole('table', { name: 'What this import would do' }, answered);
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Records', 'New', 'Updated', 'Already here', 'Already deleted']);
    const people = within(table).getAllByRole('row').find((row) => within(row).queryByRole('rowheader')?.textContent === 'People')!;
    expect(within(people).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '0', '1']);
    const preview = screen.getByRole('group', { name: 'What the import would change' });
    expect(preview).toHaveTextContent('1 record was already deleted where it came from: it would come along, still deleted, and show nowhere.');

    await user.click(screen.getByRole('button', { name: 'Import these changes' }));
    expect(await screen.findByText(/Imported: 1 new/, {}, answered)).toHaveTextContent(
      '1 record that was already deleted where it came from came along too; it stays deleted and shows nowhere.',
    );
  });

  it('says so even when nothing else would change', async () => {
    const { file, bea } = await exportWithADeletedPerson();
    coreBridge().core.archive.sqlite.prepare('DELETE FROM person WHERE id = ?').run(bea.id);
    const { user } = renderApp();
    await user.click(sidebar().getByRole('button', { name: 'Settings' }));
    await user.type(await screen.findByLabelText('The JSON file'), file);
    await user.click(screen.getByRole('button', { name: 'Check what would change' }));
    const preview = await screen.findByRole('group', { name: 'What the import would change' }, answered);
    expect(preview).toHaveTextContent(/is already in your archive\. There is nothing to import\./);
    expect(preview).toHaveTextContent('1 record was already deleted where it came from');
  });
});
