import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportFormat } from '../../shared/domain/transfer';
import { jsonProblemOffset } from '../../electron/core/services/transfer/json-problem';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { finish } from '../support/transfer';

const temps: (() => void)[] = [];
afterEach(() => temps.splice(0).forEach((remove) => remove()));

function tempDir() {
  const temp = makeTempDir('ladder-import-msg-');
  temps.push(temp.remove);
  return temp.dir;
}

/** The message a person reads: the request's own error, or the failed job's. */
async function importMessage(test: TestCore, format: ImportFormat, file: string) {
  const started = await test.send('transfer.importStart', { format, path: file, dryRun: true });
  if (!started.ok) return started.error.message;
  const status = await finish(test, started.data.jobId);
  expect(status.state).toBe('failed');
  return status.error?.message ?? '';
}

describe('import messages say plainly what is wrong', () => {
  it('asks for the full path when it is relative, naming the path field', async () => {
    const test = await openTestCore();
    const answer = await test.send('transfer.importStart', { format: 'ladder-json', path: 'relative/path.json', dryRun: true });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.field).toBe('path');
    expect(answer.error.message).toBe('Give the full path, starting with / (like /home/you/Documents), or with ~ for your home folder.');
  });

  it('says a file that is not JSON is not a Ladder export, without the parser’s words', async () => {
    const test = await openTestCore();
    const file = path.join(tempDir(), 'notjson.json');
    writeFileSync(file, 'hello, this is a letter, not an export');
    const message = await importMessage(test, 'ladder-json', file);
    expect(message).toBe('notjson.json is not a Ladder export: it is not JSON at all. Choose ladder-archive.json, inside a folder Ladder exported.');
    expect(message).not.toMatch(/Unexpected token/);

    writeFileSync(file, 'hello');
    expect(await importMessage(test, 'day-one-json', file)).toBe('notjson.json is not a Day One export: it is not JSON at all. Choose the JSON file from a Day One export.');
  });

  it('names the line of a broken JSON file, even where the parser gives no position', async () => {
    const test = await openTestCore();
    const dir = tempDir();
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "format": "ladder-archive",\n  "formatVersion": tru,\n  "tables": {}\n}');
    const message = await importMessage(test, 'ladder-json', broken);
    expect(message).toBe('broken.json is not valid JSON: the problem is at line 3, column 20.');

    const cut = path.join(dir, 'cut.json');
    writeFileSync(cut, '{\n  "format": "ladder-archive",\n  "tables": {"entry": [');
    expect(await importMessage(test, 'ladder-json', cut)).toBe('cut.json is not valid JSON: it ends too early. It may have been cut short while it was copied.');

    const empty = path.join(dir, 'empty.json');
    writeFileSync(empty, '  \n');
    expect(await importMessage(test, 'ladder-json', empty)).toMatch(/^empty\.json is empty, so it is not a Ladder export\./);
  });

  it('says a folder is a folder when a file is wanted, and a file is a file when a folder is wanted', async () => {
    const test = await openTestCore();
    const dir = tempDir();
    expect(await importMessage(test, 'ladder-json', dir)).toBe(`${dir} is a folder, and a Ladder export is a file. Choose ladder-archive.json, inside a folder Ladder exported.`);
    expect(await importMessage(test, 'day-one-json', dir)).toMatch(/is a folder, and a Day One export is a file/);

    const note = path.join(dir, 'note.md');
    writeFileSync(note, '# A note');
    expect(await importMessage(test, 'markdown-folder', note)).toBe(`${note} is a file, and this kind of import needs a folder. Choose the folder that holds the notes.`);
    expect(await importMessage(test, 'markdown-folder', path.join(dir, 'nowhere'))).toMatch(/^There is no folder at .*nowhere\. Check the path for a typo\.$/);
    expect(await importMessage(test, 'ladder-json', path.join(dir, 'nowhere.json'))).toMatch(/^There is no file at .*nowhere\.json\. Check the path for a typo\.$/);
  });
});

describe('jsonProblemOffset', () => {
  it('finds the first bad character, or the end when the text stops early, and -1 for valid JSON', () => {
    expect(jsonProblemOffset('hello')).toBe(0);
    expect(jsonProblemOffset('{"a": tru}')).toBe(6);
    expect(jsonProblemOffset('[1,2,\n3,,4]')).toBe(8);
    expect(jsonProblemOffset('{"a":1,}')).toBe(7);
    expect(jsonProblemOffset('{"a":1}x')).toBe(7);
    expect(jsonProblemOffset('{"a":[1')).toBe(7);
    expect(jsonProblemOffset('{"a":[1,{"b":"c\\u00e9"}],"d":null,"e":-0.5e+3}')).toBe(-1);
    // Deep nesting costs no stack.
    expect(jsonProblemOffset(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(-1);
  });

  it('says how to make room when the file and the archive each have someone marked as you', async () => {
    const source = await openTestCore();
    await source.call('people.create', { name: 'Alex', isMe: true });
    await source.call('journal.create', { entryDate: '2026-11-20', body: 'Moving to a new computer.' });
    const exported = await finish(source, (await source.call('transfer.exportStart', { folder: tempDir() })).jobId);
    if (exported.result?.kind !== 'export') throw new Error('the export failed');
    const file = exported.result.export.jsonFile;

    // The new computer's archive: calling a crew there already asked for my name.
    const target = await openTestCore();
    const robin = await target.call('people.create', { name: 'Robin', isMe: true });
    const message = await importMessage(target, 'ladder-json', file);
    expect(message).toContain('could not be imported: it is you, and your archive already has someone marked as you.');
    expect(message).toContain('untick “This is me”, then import again');
    expect(message).not.toContain('is_me');
    expect((await target.call('journal.list', {})).entries).toHaveLength(0);

    // Done as it says, the import goes through.
    await target.call('people.update', { id: robin.id, isMe: false });
    const started = await target.call('transfer.importStart', { format: 'ladder-json', path: file, dryRun: false });
    expect((await finish(target, started.jobId)).state).toBe('done');
    const [entry] = (await target.call('journal.list', {})).entries;
    expect((await target.call('journal.get', { id: entry?.id ?? '' })).body).toBe('Moving to a new computer.');
  });
});
