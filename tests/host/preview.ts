import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultRendererDir, startBrowserHost } from './browser-host';

/**
 * `npm run preview -- --data DIR [--port N]`: the whole app in a browser, without Electron.
 * The first line on stdout is the address to open.
 */
const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string' }, rebuild: { type: 'boolean', default: false } },
});

if (values.data === undefined) {
  console.error('Usage: npm run preview -- --data DIR [--port N] [--rebuild]');
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, '../..');
if (values.rebuild || !existsSync(path.join(defaultRendererDir, 'index.html'))) {
  // Build output goes to stderr so the address stays the first line on stdout.
  const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = values.port === undefined ? 0 : Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  process.exit(2);
}

const host = await startBrowserHost({ dataDir: path.resolve(values.data), port });
console.log(host.url);
console.error(`Ladder is serving the archive in ${path.resolve(values.data)}. Press Ctrl+C to stop.`);

const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
