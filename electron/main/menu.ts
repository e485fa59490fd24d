import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

const isMac = process.platform === 'darwin';

async function showAbout() {
  const options = {
    type: 'info' as const,
    title: 'About Ladder',
    message: `Ladder ${app.getVersion()}`,
    detail: `A private, local-first journal. Everything stays on this computer, in ${app.getPath('userData')}.\n\nElectron ${process.versions.electron}`,
    buttons: ['OK'],
  };
  const parent = BrowserWindow.getFocusedWindow();
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

/** The application menu. Reload and DevTools exist only in development: a reload could drop unsaved text. */
export function buildMenu({ isDev, window }: { isDev: boolean; window?: () => BrowserWindow | null }): Menu {
  const about: MenuItemConstructorOptions = { label: 'About Ladder', click: () => void showAbout() };
  // The renderer owns the lock (it saves what is being typed first), so the menu presses its shortcut;
  // the accelerator is only shown, so the key itself reaches the page as usual.
  const lock: MenuItemConstructorOptions = {
    label: 'Lock Ladder',
    accelerator: 'CmdOrCtrl+Shift+L',
    registerAccelerator: false,
    click: () => {
      const target = window?.();
      if (!target || target.isDestroyed()) return;
      target.webContents.sendInputEvent({ type: 'keyDown', keyCode: 'L', modifiers: [isMac ? 'meta' : 'control', 'shift'] });
    },
  };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [lock, { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...(isDev ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] as const) : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [about] },
  ];
  return Menu.buildFromTemplate(template);
}
