/**
 * Where the window's page may come from. Plain functions with no `electron` import, so the
 * navigation, request and IPC checks can be tested in Node.
 */
export const appScheme = 'app';
export const appHost = 'ladder';
export const appOrigin = `${appScheme}://${appHost}`;
export const appStartUrl = `${appOrigin}/index.html`;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The electron-vite dev server, if this is a development run. A packaged app ignores the
 * variable, and only a loopback http(s) address is accepted, so the environment can never
 * point the window at a remote page.
 */
export function resolveDevServerUrl(value: string | undefined, isPackaged: boolean): URL | null {
  if (isPackaged || !value) return null;
  const url = parse(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !loopbackHosts.has(url.hostname)) return null;
  return url;
}

/** True for a URL on the app's own origin, or on the dev server's origin when there is one. */
export function isOwnUrl(url: string, devServer: URL | null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${appScheme}:` && parsed.host === appHost) return true;
  return devServer !== null && parsed.origin === devServer.origin;
}

/**
 * Requests the session lets through: the app's own files, DevTools, inline `data:` images
 * (allowed by the CSP; they never touch the network) and, in development, the dev server
 * and its hot-reload socket. Everything else is cancelled.
 */
export function isAllowedRequest(url: string, devServer: URL | null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${appScheme}:`) return parsed.host === appHost;
  if (parsed.protocol === 'devtools:' || parsed.protocol === 'data:') return true;
  if (devServer === null) return false;
  if (parsed.origin === devServer.origin) return true;
  const socketProtocol = devServer.protocol === 'https:' ? 'wss:' : 'ws:';
  return parsed.protocol === socketProtocol && parsed.host === devServer.host;
}

/** Links the user may open in their browser (after confirming): plain https only. */
export function isExternalLink(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}
