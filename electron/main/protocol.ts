import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { contentSecurityPolicy } from './csp';
import { appHost, appScheme } from './origin';
import { mimeTypeFor, resolveRendererFile } from './renderer-files';

/**
 * `app://ladder/` serves the built renderer instead of `file://`: the page gets a real origin
 * ('self' in the CSP means only these files) and no file-system privileges.
 * Must run before the app is ready.
 */
export function registerAppScheme() {
  // No corsEnabled: same-origin module scripts load without it, and it would let other origins read our files.
  // codeCache: V8 keeps the compiled scripts between starts, as Chromium does for the web. In the
  // benchmark's Chromium, parsing the start bundle (mostly react-dom) took ~180 ms of a cold start.
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function respond(status: number, body: BodyInit | null, contentType = 'text/plain; charset=utf-8') {
  return new Response(body, {
    status,
    headers: {
      'content-type': contentType,
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

async function isFile(file: string) {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

export function serveAppScheme(rootDir: string) {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== appHost) return respond(404, 'Not found');
    let file = resolveRendererFile(rootDir, url.pathname);
    if (file === null) return respond(403, 'Forbidden');
    // An in-app route (no extension) reloaded by the user gets the single page back.
    if (!(await isFile(file))) {
      if (path.extname(file) !== '') return respond(404, 'Not found');
      file = path.join(rootDir, 'index.html');
    }
    try {
      const body = await readFile(file);
      return respond(200, request.method === 'HEAD' ? null : body, mimeTypeFor(file));
    } catch (error) {
      console.error('[ladder] could not read', file, error);
      return respond(500, 'Could not read the file');
    }
  });
}
