import { type BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CoreThread } from '../core/thread/core-thread';
import { invokeChannel } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';
import { isOwnUrl } from './origin';

const refused: Envelope<never> = {
  ok: false,
  error: { code: 'internal', message: 'This request did not come from Ladder’s own window, so it was refused.' },
};

// Only reached if the archive could not be opened; the shell then says why and quits.
const notOpen: Envelope<never> = {
  ok: false,
  error: { code: 'internal', message: 'Ladder could not open your archive.' },
};

/** Only the top frame of our window, showing our own page, may reach the core. */
function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, devServer: URL | null) {
  const frame = event.senderFrame;
  if (!frame || !window || window.isDestroyed()) return false;
  return event.sender.id === window.webContents.id && frame.parent === null && isOwnUrl(frame.url, devServer);
}

/**
 * The single IPC channel: the preload's `invoke` lands here and goes to the core's router.
 * The window opens before the archive does (a migration after an update can take a while), so
 * each request waits for the core; the sender is checked before anything waits.
 */
export function registerIpc(core: Promise<CoreThread>, mainWindow: () => BrowserWindow | null, devServer: URL | null) {
  ipcMain.handle(invokeChannel, (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, mainWindow(), devServer)) {
      console.warn('[ladder] refused a request from', event.senderFrame?.url.slice(0, 200) ?? 'a destroyed frame');
      return refused;
    }
    return core.then(
      (opened) => opened.handle(name, input),
      () => notOpen,
    );
  });
}
