import { reply } from './child';
import { memorySampler, processFigures, requestTimer } from './probes';

/**
 * The browser host in a process of its own, as the desktop app keeps the core in its main
 * process apart from the page: the memory and request times measured here are the core's,
 * not Playwright's. Argument: dataDir. Answers `ready` (or `error`), then `done` when told to stop.
 */
export type HostMessage =
  | { type: 'ready'; url: string }
  | { type: 'error'; message: string }
  | { type: 'done'; figures: ReturnType<typeof processFigures> };

const [dataDir = ''] = process.argv.slice(2);
let host;
try {
  const { startBrowserHost } = await import('../host/browser-host');
  host = await startBrowserHost({ dataDir });
} catch (error) {
  await reply({ type: 'error', message: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '' } satisfies HostMessage);
  process.exit(0);
}
const requests = requestTimer();
const memory = memorySampler();
requests.track(host.core);
memory.start();
await reply({ type: 'ready', url: host.url } satisfies HostMessage);

process.once('message', () => {
  memory.stop();
  void host.close().then(async () => {
    const figures = processFigures('browser host', memory, requests);
    await reply({ type: 'done', figures } satisfies HostMessage);
    process.disconnect();
  });
});
