// The desktop shell's lifecycle. Everything that touches data lives in electron/core.
import { app, BrowserWindow, dialog, Menu, session } from 'electron';
import { logFailure } from '../core/log';
import type { Platform } from '../core/host';
import { type CoreThread, CoreThreadUnavailable, startCoreThread } from '../core/thread/core-thread';
import { registerIpc } from './ipc';
import { keyStore } from './key-store';
import { buildMenu } from './menu';
import { appStartUrl, resolveDevServerUrl } from './origin';
import { rendererDir } from './paths';
import { registerAppScheme, serveAppScheme } from './protocol';
import { guardWebContents, hardenSession } from './security';
import { createMainWindow } from './window';

let mainWindow: BrowserWindow | null = null;
// Set when start() begins opening the archive (and shows the window); it may still be opening.
let core: Promise<CoreThread> | null = null;
let quitting: 'no' | 'closing' | 'closed' = 'no';

const devServer = resolveDevServerUrl(process.env.ELECTRON_RENDERER_URL, app.isPackaged);

function showMainWindow() {
  if (mainWindow && !mainWindow.isDestroyed()) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
    return;
  }
  mainWindow = createMainWindow(devServer ? devServer.href : appStartUrl);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Native pickers for export and import, and the system's key store: the core never imports electron. */
const platform: Platform = {
  pickFolder: async ({ title, defaultPath }) => {
    const options = { title, defaultPath, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  pickFile: async ({ title, extensions, defaultPath }) => {
    const options = { title, defaultPath, properties: ['openFile'] as 'openFile'[], filters: [{ name: title, extensions }] };
    const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  keyStore,
};

async function openCore(): Promise<CoreThread> {
  const dataDir = app.getPath('userData');
  const version = app.getVersion();
  try {
    // The core runs in a thread of its own: no SQLite statement ever holds up this (UI) thread.
    return await startCoreThread({ entry: new URL('./core-worker.js', import.meta.url), dataDir, version, platform });
  } catch (error) {
    if (!(error instanceof CoreThreadUnavailable)) throw error;
    // Never leave the user without their archive: on this thread, as before the core had its own.
    logFailure('starting the archive’s thread', error);
    const { createCore } = await import('../core');
    return createCore({ dataDir, version, platform });
  }
}

async function start() {
  await app.whenReady();
  hardenSession(session.defaultSession, devServer);
  serveAppScheme(rendererDir);
  // Before any window: without it Electron shows its default menu, with Reload and DevTools.
  Menu.setApplicationMenu(buildMenu({ isDev: !app.isPackaged, window: () => mainWindow }));
  // The window opens while the archive does (a one-time migration after an update can take a
  // while on a large archive), so the page can say what is happening; requests wait for the core.
  const opening = openCore();
  core = opening;
  registerIpc(opening, () => mainWindow, devServer);
  showMainWindow();
  try {
    await opening;
  } catch (error) {
    // Fail closed: say why and stop; the archive file is left exactly as it was.
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Ladder could not open your archive', message);
    app.exit(1);
  }
}

// A second launch focuses the running app instead of opening the archive twice.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  guardWebContents(app, devServer);

  app.on('second-instance', () => {
    if (app.isReady() && core) showMainWindow();
  });

  app.on('activate', () => {
    if (core && quitting === 'no' && BrowserWindow.getAllWindows().length === 0) showMainWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Hold the quit until the archive is closed cleanly (WAL checkpointed, handle released).
  // Still opening: wait for it, then close it; if it could not be opened there is nothing to close.
  app.on('before-quit', (event) => {
    if (quitting === 'closed' || !core) return;
    event.preventDefault();
    if (quitting === 'closing') return;
    quitting = 'closing';
    core
      .then(
        (opened) => opened.close(),
        () => undefined,
      )
      .catch((error: unknown) => logFailure('closing the archive', error))
      .finally(() => {
        quitting = 'closed';
        app.quit();
      });
  });

  start().catch((error: unknown) => {
    logFailure('startup', error);
    dialog.showErrorBox('Ladder could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
