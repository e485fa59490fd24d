import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type Core, createCore } from '../../electron/core';
import { contentSecurityPolicy } from '../../electron/main/csp';

/**
 * The browser host: the built renderer and the real router over a real SQLite file, served on
 * loopback only, for end-to-end tests and `npm run preview`. It is never part of the desktop app.
 * Every path lives under a random per-run token, and Host and Origin must name this server,
 * so no other page or process on the machine can read or write the archive through it.
 */
export interface BrowserHost {
  /** The address to open, token included. */
  url: string;
  core: Core;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  dataDir: string;
  port?: number;
  rendererDir?: string;
  /**
   * Tests only: every request waits for this before it is answered, as in the desktop app each
   * request waits for the archive to open (a migration after an update can take a while).
   */
  answersAfter?: Promise<void>;
}

const maxRequestBytes = 8 * 1024 * 1024;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

// Gives the page exactly what the Electron preload gives it: one frozen `ladder.invoke`.
const bridgeScript = `"use strict";
Object.defineProperty(window, 'ladder', {
  value: Object.freeze({
    invoke: (name, input) =>
      fetch('./__ladder/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, input }),
      }).then((response) => response.json()),
  }),
  enumerable: true,
});
`;

export const defaultRendererDir = path.resolve(import.meta.dirname, '../../out/renderer');

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = options.rendererDir ?? defaultRendererDir;
  const indexFile = path.join(rendererDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`No built renderer at ${rendererDir}: run \`npm run build\` first.`);

  const core = await createCore({ dataDir: options.dataDir, version: 'browser-host' });
  const token = randomBytes(16).toString('hex');
  const prefix = `/${token}/`;
  let port = 0;

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer, cacheControl = 'no-store') => {
    res.writeHead(status, {
      'content-type': type,
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'cache-control': cacheControl,
    });
    res.end(body);
  };

  const isOwnHost = (req: IncomingMessage) => {
    const allowed = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowed.includes(req.headers.host ?? '')) return false;
    const origin = req.headers.origin;
    return origin === undefined || allowed.some((host) => origin === `http://${host}`);
  };

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxRequestBytes) {
          reject(new Error('too large'));
          req.destroy();
        } else chunks.push(chunk);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  const invoke = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || !req.headers['content-type']?.startsWith('application/json')) {
      send(res, 405, 'text/plain', 'Method not allowed');
      return;
    }
    let message: { name?: unknown; input?: unknown };
    try {
      message = JSON.parse(await readBody(req)) as typeof message;
    } catch {
      send(res, 400, 'application/json', JSON.stringify({ ok: false, error: { code: 'validation', message: 'The request could not be read.' } }));
      return;
    }
    if (options.answersAfter) await options.answersAfter;
    const envelope = await core.handle(message.name, message.input);
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope));
  };

  const serveFile = (res: ServerResponse, relative: string) => {
    const file = path.resolve(rendererDir, relative === '' ? 'index.html' : relative);
    if (!file.startsWith(rendererDir + path.sep) || !existsSync(file)) {
      send(res, 404, 'text/plain', 'Not found');
      return;
    }
    const type = mimeTypes[path.extname(file)] ?? 'application/octet-stream';
    if (file === indexFile) {
      // The bridge must exist before the app's module script runs: deferred scripts and module
      // scripts run in document order once the page is parsed. Deferred, it no longer holds up
      // the parser (and the fetch of the app's scripts) as a blocking script did: in Electron the
      // preload costs the page nothing either.
      const html = readFileSync(file, 'utf8').replace('<script', '<script defer src="./__ladder/bridge.js"></script>\n    <script');
      send(res, 200, type, html);
    } else {
      // The build names its scripts and styles by their content, so a name never changes meaning.
      // Kept, they let Chromium keep their compiled code between visits, as the desktop app's
      // codeCache scheme does between starts (electron/main/protocol.ts).
      const hashed = relative.startsWith('assets/');
      send(res, 200, type, readFileSync(file), hashed ? 'public, max-age=31536000, immutable' : 'no-store');
    }
  };

  const server = createServer((req, res) => {
    if (!isOwnHost(req)) {
      send(res, 403, 'text/plain', 'Forbidden');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://host').pathname;
    if (!pathname.startsWith(prefix)) {
      send(res, 404, 'text/plain', 'Not found');
      return;
    }
    const relative = decodeURIComponent(pathname.slice(prefix.length));
    if (relative === '__ladder/bridge.js') send(res, 200, mimeTypes['.js'] ?? '', bridgeScript);
    else if (relative === '__ladder/invoke') void invoke(req, res);
    else serveFile(res, relative);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    core,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
