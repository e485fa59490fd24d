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
export function buildMenu({ isDev }: { isDev: boolean }): Menu {
  const about: MenuItemConstructorOptions = { label: 'About Ladder', click: () => void showAbout() };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: [isMac ? { role: 'close' } : { role: 'quit' }] },
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
