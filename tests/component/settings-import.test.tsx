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
});
