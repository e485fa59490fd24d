/**
 * "No network, ever" and "logs never contain journal text", checked on the real core:
 * requests of every kind run with every way out of the process spied on.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { afterEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { openTestCore, type TestCore } from '../support/core';
import { makeTempDir } from '../support/temp-dir';
import { finish } from '../support/transfer';

afterEach(() => {
  vi.restoreAllMocks();
});

/** Spies on every door to the network, at the lowest level each API shares. */
function spyOnTheNetwork(): Record<string, MockInstance> {
  return {
    'net.Socket#connect': vi.spyOn(net.Socket.prototype, 'connect'),
    'net.connect': vi.spyOn(net, 'connect'),
    'net.createConnection': vi.spyOn(net, 'createConnection'),
    'tls.connect': vi.spyOn(tls, 'connect'),
    'http.request': vi.spyOn(http, 'request'),
    'http.get': vi.spyOn(http, 'get'),
    'https.request': vi.spyOn(https, 'request'),
    'https.get': vi.spyOn(https, 'get'),
    'dns.lookup': vi.spyOn(dns, 'lookup'),
    'dns.promises.lookup': vi.spyOn(dns.promises, 'lookup'),
    'dgram.createSocket': vi.spyOn(dgram, 'createSocket'),
    fetch: vi.spyOn(globalThis, 'fetch'),
  };
}

const used = (spies: Record<string, MockInstance>) =>
  Object.entries(spies)
    .filter(([, spy]) => spy.mock.calls.length > 0)
    .map(([name]) => name);

const secret = 'Marigold-wren whispers';

/** A working session: writing, reading, searching, people, prompts, backup, export and import. */
async function useTheApp(test: TestCore, dir: string) {
  const entry = await test.call('journal.create', { title: secret, body: `${secret}, said the exile part.`, entryDate: '2026-11-25' });
  await test.call('journal.update', { id: entry.id, body: `${secret} again.` });
  await test.call('journal.list', {});
  await test.call('journal.get', { id: entry.id });
  await test.call('search.query', { text: 'marigold' });
  await test.call('people.create', { name: 'Ada', notes: secret });
  await test.call('prompts.today', { rung: 'self' });
  await test.call('ladder.summary', { today: '2026-11-26' });
  await test.call('app.info', {});
  await test.call('backup.now', {});
  const { jobId } = await test.call('transfer.exportStart', { folder: path.join(dir, 'export') });
  expect((await finish(test, jobId)).state).toBe('done');
  await test.reopen();
}

describe('no network, ever', () => {
  it('the core opens no socket, resolves no name and fetches nothing', async () => {
    const temp = makeTempDir();
    try {
      const spies = spyOnTheNetwork();
      await useTheApp(await openTestCore(), temp.dir);
      expect(used(spies)).toEqual([]);

      // The spies do catch real attempts (refused at once: nothing listens on port 1).
      await new Promise((resolve) => http.get('http://127.0.0.1:1/').on('error', resolve));
      await fetch('http://127.0.0.1:1/').catch(() => undefined);
      expect(used(spies)).toEqual(expect.arrayContaining(['net.Socket#connect', 'http.get', 'fetch']));
    } finally {
      temp.remove();
    }
  });
});

describe('logs never contain journal text', () => {
  it('nothing the core logs, even when requests fail, carries what was written', async () => {
    const temp = makeTempDir();
    try {
      const logged = [
        vi.spyOn(console, 'error'),
        vi.spyOn(console, 'warn'),
        vi.spyOn(console, 'log'),
        vi.spyOn(console, 'info'),
        vi.spyOn(console, 'debug'),
        vi.spyOn(process.stderr, 'write'),
        vi.spyOn(process.stdout, 'write'),
      ];
      const test = await openTestCore();
      await useTheApp(test, temp.dir);
      const again = await openTestCore(test.dataDir);

      // Failing requests that carry the text: bad search syntax, bad fields, files that are not what they claim.
      for (const text of [`"${secret}`, `${secret} AND (`, `${secret} NEAR/`, `*${secret}`, `${secret}:`]) {
        await again.send('search.query', { text });
      }
      await again.send('journal.create', { title: secret.repeat(40), entryDate: '2026-11-26' });
      await again.send('journal.update', { id: '0190a0f0-0000-7000-8000-000000000000', body: secret });
      const broken = path.join(temp.dir, 'broken.json');
      writeFileSync(broken, `{"entries": [{"title": "${secret}", }`);
      for (const format of ['ladder-json', 'day-one-json'] as const) {
        const started = await again.send('transfer.importStart', { format, path: broken, dryRun: true });
        if (started.ok) await finish(again, started.data.jobId);
      }
      const notAFolder = path.join(temp.dir, `${secret}.md`);
      writeFileSync(notAFolder, `# ${secret}\n`);
      const started = await again.send('transfer.importStart', { format: 'markdown-folder', path: notAFolder, dryRun: true });
      if (started.ok) await finish(again, started.data.jobId);

      const output = logged.flatMap((spy) => spy.mock.calls).map((call) => call.map((part) => (part instanceof Error ? part.stack : String(part))).join(' '));
      vi.restoreAllMocks();
      expect(output.filter((line) => /marigold|wren/i.test(line))).toEqual([]);
    } finally {
      temp.remove();
    }
  });
});
