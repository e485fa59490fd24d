import { type App, BrowserWindow, dialog, type Session, shell, type WebContents } from 'electron';
import { contentSecurityPolicy, developmentContentSecurityPolicy } from './csp';
import { isAllowedRequest, isExternalLink, isOwnUrl } from './origin';

/**
 * Session-wide rules: no permissions, no network, and the CSP on every response
 * (the app:// handler sets it too; this also covers the dev server).
 */
export function hardenSession(session: Session, devServer: URL | null) {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);

  session.webRequest.onBeforeRequest((details, callback) => {
    if (isAllowedRequest(details.url, devServer)) {
      callback({});
      return;
    }
    console.warn('[ladder] blocked a request to', details.url.slice(0, 200));
    callback({ cancel: true });
  });

  const policy = devServer ? developmentContentSecurityPolicy : contentSecurityPolicy;
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [policy] } });
  });
}

async function offerExternalLink(contents: WebContents, url: string) {
  const options = {
    type: 'question' as const,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url.slice(0, 500),
  };
  const parent = BrowserWindow.fromWebContents(contents);
  const { response } = await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
  if (response === 0) await shell.openExternal(url);
}

/**
 * Every web contents (the window, DevTools, anything else) may only show our own pages:
 * no navigation away, no new windows, no <webview>. An https link opens in the user's
 * browser, and only after they confirm.
 */
export function guardWebContents(app: App, devServer: URL | null) {
  app.on('web-contents-created', (_event, contents) => {
    const stayHome = (event: Electron.Event, url: string, offerExternal: boolean) => {
      if (isOwnUrl(url, devServer)) return;
      event.preventDefault();
      console.warn('[ladder] blocked navigation to', url.slice(0, 200));
      if (offerExternal && isExternalLink(url)) void offerExternalLink(contents, url).catch((error: unknown) => console.error(error));
    };
    contents.on('will-navigate', (event) => stayHome(event, event.url, true));
    contents.on('will-redirect', (event) => stayHome(event, event.url, false));
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLink(url)) void offerExternalLink(contents, url).catch((error: unknown) => console.error(error));
      return { action: 'deny' };
    });
  });
}
