import { BrowserWindow, nativeTheme } from 'electron';
import { preloadPath } from './paths';

// Close to the renderer's page colour, so the window never flashes white (or black) on open.
const backgroundLight = '#faf8f5';
const backgroundDark = '#1d1c1a';

/** The one window. Its webPreferences stay inline: electronegativity only checks inline ones. */
export function createMainWindow(startUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Ladder',
    width: 1200,
    height: 820,
    minWidth: 640,
    minHeight: 480,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? backgroundDark : backgroundLight,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: true,
      // A file dropped on the window must not replace the app with a file:// page.
      navigateOnDragDrop: false,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(startUrl).catch((error: unknown) => console.error('[ladder] could not load the window:', error));
  return window;
}
