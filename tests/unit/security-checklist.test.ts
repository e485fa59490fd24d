/**
 * Electron's security checklist, one test per item, for what shell-static.test.ts does not
 * already pin (it checks the window's inline webPreferences, the CSP text, the preload's
 * surface, the fuses in the builder config and the Electron pin). These tests look at the
 * whole shell instead: nothing elsewhere may undo a setting, and each guard must be wired in.
 * Source text and the TypeScript AST only; `electron` is never imported.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (relative: string) => readFileSync(path.join(root, relative), 'utf8');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:[cm]?[jt]s|tsx)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function parse(relative: string) {
  const kind = relative.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(relative, read(relative), ts.ScriptTarget.Latest, true, kind);
}

/** The file's code with comments removed, so a comment can neither satisfy nor trip a check. */
const printer = ts.createPrinter({ removeComments: true });
const printed = new Map<string, string>();
function code(relative: string): string {
  let text = printed.get(relative);
  if (text === undefined) {
    text = printer.printFile(parse(relative));
    printed.set(relative, text);
  }
  return text;
}

/** Files among `files` whose code matches `pattern`. */
const offending = (files: string[], pattern: RegExp) => files.filter((file) => pattern.test(code(file)));

function walk(node: ts.Node, visit: (node: ts.Node) => void) {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function calls(file: ts.SourceFile, name: string): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  walk(file, (node) => {
    if (!ts.isCallExpression(node)) return;
    const callee = node.expression;
    const called = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if (called === name) found.push(node);
  });
  return found;
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let at = node.parent; at; at = at.parent) if (ts.isFunctionLike(at)) return at as ts.FunctionLikeDeclaration;
  return undefined;
}

const shell = [...sourceFiles('electron'), ...sourceFiles('shared')];
const rendererCode = sourceFiles('renderer/src');
const mainCode = sourceFiles('electron/main');

/** `name: value` in code, tolerant of quotes and spacing. */
const setting = (name: string, value: string) => new RegExp(`['"]?\\b${name}['"]?\\s*:\\s*${value}\\b`);
const commandLineSwitch = /commandLine\s*\.\s*append(?:Switch|Argument)\s*\(/;

describe("Electron's security checklist", () => {
  it('context isolation: nothing in the shell turns it off', () => {
    expect(offending(shell, setting('contextIsolation', 'false'))).toEqual([]);
    // The preload reaches the page only through contextBridge, never by writing to window.
    const preload = parse('electron/preload/index.ts');
    const globalWrites: string[] = [];
    walk(preload, (node) => {
      if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
      let target: ts.Expression = node.left;
      while (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target) || ts.isParenthesizedExpression(target) || ts.isAsExpression(target)) {
        target = target.expression;
      }
      if (ts.isIdentifier(target) && ['window', 'globalThis', 'self', 'document'].includes(target.text)) globalWrites.push(node.getText());
    });
    expect(globalWrites).toEqual([]);
    expect(code('electron/preload/index.ts')).not.toMatch(/Object\.(?:assign|defineProperty|defineProperties)\(\s*(?:window|globalThis|self|document)\b/);
  });

  it('sandbox: nothing turns it off, not even from the command line', () => {
    expect(offending(shell, setting('sandbox', 'false'))).toEqual([]);
    // No Chromium switches at all: no-sandbox, disable-web-security, ignore-certificate-errors...
    expect(offending(shell, commandLineSwitch)).toEqual([]);
  });

  it('no Node integration: nothing turns it on, and the renderer uses no Node API', () => {
    expect(offending(shell, setting('nodeIntegration(?:InWorker|InSubFrames)?', 'true'))).toEqual([]);
    const nodeImport = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"](?:node:|fs['"]|path['"]|child_process['"]|os['"]|electron['"])/;
    expect(rendererCode.length).toBeGreaterThan(0);
    expect(offending(rendererCode, nodeImport)).toEqual([]);
    expect(offending(rendererCode, /\bprocess\s*\.\s*(?:versions|env|platform)\b|\brequire\s*\(/)).toEqual([]);
  });

  it('web security: nothing turns it off, and app:// bypasses neither CSP nor CORS', () => {
    expect(offending(shell, setting('webSecurity', 'false'))).toEqual([]);
    const schemes = calls(parse('electron/main/protocol.ts'), 'registerSchemesAsPrivileged');
    expect(schemes).toHaveLength(1);
    const privileges = schemes[0]?.getText() ?? '';
    for (const privilege of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers']) expect(privileges).not.toContain(privilege);
  });

  it('a strict CSP: the page has no inline script and no inline handler, and the renderer never evals', () => {
    const pages = ['renderer/index.html', 'out/renderer/index.html'].filter((page) => existsSync(path.join(root, page)));
    for (const page of pages) {
      const html = read(page);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attributes = '', body = ''] of scripts) {
        expect(attributes, `${page}: every script is a file`).toMatch(/\bsrc\s*=/);
        expect(body.trim(), `${page}: no inline script`).toBe('');
      }
      expect(html, `${page}: no inline event handler`).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
    }
    expect(offending(rendererCode, /\beval\s*\(|\bnew\s+Function\s*\(|dangerouslySetInnerHTML|\.innerHTML\s*=/)).toEqual([]);
  });

  it('no insecure content: nothing allows it, and no certificate error is ever waved through', () => {
    expect(offending(shell, setting('allowRunningInsecureContent', 'true'))).toEqual([]);
    expect(offending(shell, /['"]certificate-error['"]|setCertificateVerifyProc|ignore-certificate-errors/)).toEqual([]);
  });

  it('no experimental or Blink features: none are enabled anywhere', () => {
    expect(offending(shell, setting('experimentalFeatures', 'true'))).toEqual([]);
    expect(offending(shell, /\benableBlinkFeatures\b|enable-blink-features|enable-experimental-web-platform-features/)).toEqual([]);
  });

  it('no webview: the tag stays off, attaching one is refused, and the renderer uses none', () => {
    expect(offending(shell, setting('webviewTag', 'true'))).toEqual([]);
    expect(code('electron/main/security.ts')).toMatch(/\.on\(['"]will-attach-webview['"],\s*\(?(\w+)\)?\s*=>\s*\{?\s*\1\.preventDefault\(\)/);
    expect(offending(rendererCode, /<webview\b|['"]webview['"]/)).toEqual([]);
  });

  it('navigation and new windows blocked: the guard covers every web contents and always denies windows', () => {
    const security = parse('electron/main/security.ts');
    const text = code('electron/main/security.ts');
    // Registered for every web contents, before anything is created.
    expect(text).toMatch(/app\.on\(['"]web-contents-created['"]/);
    expect(code('electron/main/index.ts')).toMatch(/guardWebContents\(app,/);
    for (const event of ['will-navigate', 'will-redirect']) expect(text).toContain(`contents.on('${event}'`);
    // stayHome prevents the event for anything that is not our own page.
    expect(text).toMatch(/if \(isOwnUrl\(url, devServer\)\)\s*return;\s*event\.preventDefault\(\);/);
    // Every return of the window-open handler denies.
    const handlers = calls(security, 'setWindowOpenHandler');
    expect(handlers).toHaveLength(1);
    const returns: string[] = [];
    walk(handlers[0]!, (node) => {
      if (ts.isReturnStatement(node) && enclosingFunction(node) === handlers[0]?.arguments[0]) returns.push(node.expression?.getText() ?? '');
    });
    expect(returns).toEqual(["{ action: 'deny' }"]);
  });

  it('shell.openExternal only for https links the user clicks, after a confirmation', () => {
    const everywhere = [...shell, ...rendererCode];
    expect(offending(everywhere, /\bopenExternal\b/)).toEqual(['electron/main/security.ts']);
    const security = parse('electron/main/security.ts');
    const opens = calls(security, 'openExternal');
    expect(opens).toHaveLength(1);
    const offer = enclosingFunction(opens[0]!);
    expect(offer && ts.isFunctionDeclaration(offer) ? offer.name?.text : undefined).toBe('offerExternalLink');
    const body = offer?.getText() ?? '';
    // The user is asked first; Cancel is the default and what Escape picks; only "Open in Browser" (0) opens.
    expect(body).toMatch(/buttons: \['Open in Browser', 'Cancel'\]/);
    expect(body).toMatch(/defaultId: 1/);
    expect(body).toMatch(/cancelId: 1/);
    expect(body).toMatch(/await [^;]*showMessageBox[\s\S]*if \(response === 0\) await shell\.openExternal\(url\)/);
    // Every offer is made only for a link that passed isExternalLink (https, no credentials).
    const offers = calls(security, 'offerExternalLink');
    expect(offers.length).toBeGreaterThan(0);
    for (const call of offers) {
      let guarded = false;
      for (let at: ts.Node | undefined = call.parent; at && !guarded; at = at.parent) {
        if (ts.isIfStatement(at) || ts.isBinaryExpression(at)) guarded = /isExternalLink\(url\)/.test(at.getText());
        if (ts.isFunctionLike(at)) break;
      }
      expect(guarded, call.getText()).toBe(true);
    }
  });

  it('every IPC sender validated: one channel, and its handler checks the sender before anything else', () => {
    const withIpcMain = offending(shell, /\bipcMain\s*\./);
    expect(withIpcMain).toEqual(['electron/main/ipc.ts']);
    const ipc = parse('electron/main/ipc.ts');
    const registrations: ts.CallExpression[] = [];
    walk(ipc, (node) => {
      if (ts.isCallExpression(node) && /^ipcMain\.(?:handle|handleOnce|on|once|addListener)$/.test(node.expression.getText())) registrations.push(node);
    });
    expect(registrations.map((call) => call.expression.getText())).toEqual(['ipcMain.handle']);
    const handler = registrations[0]?.arguments[1];
    if (!handler || !(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler)) || !ts.isBlock(handler.body)) {
      throw new Error('the IPC handler must be an inline function with a body');
    }
    const first = handler.body.statements[0];
    expect(first && ts.isIfStatement(first) ? first.expression.getText() : first?.getText()).toMatch(/^!isTrustedSender\(event,/);
    expect(first && ts.isIfStatement(first) ? first.thenStatement.getText() : '').toMatch(/return refused;/);
    // The check itself: our window's own web contents, its top frame, showing our own page.
    const check = code('electron/main/ipc.ts');
    expect(check).toMatch(/event\.sender\.id === window\.webContents\.id/);
    expect(check).toMatch(/frame\.parent === null/);
    expect(check).toMatch(/isOwnUrl\(frame\.url, devServer\)/);
    // The preload only ever invokes that one channel.
    expect(code('electron/preload/index.ts')).not.toMatch(/ipcRenderer\.(?:send|sendSync|on|once|postMessage)\b/);
  });

  it('a custom protocol instead of file:// for the renderer', () => {
    expect(offending(mainCode, /\bloadFile\s*\(|['"`]file:|registerFileProtocol|interceptFileProtocol/)).toEqual([]);
    const loads = mainCode.flatMap((file) => calls(parse(file), 'loadURL').map((call) => call.arguments[0]?.getText()));
    expect(loads).toEqual(['startUrl']);
    expect(code('electron/main/index.ts')).toMatch(/createMainWindow\(devServer \? devServer\.href : appStartUrl\)/);
    expect(code('electron/main/protocol.ts')).toMatch(/protocol\.handle\(appScheme,/);
  });

  it('permission requests denied: every handler says no, on the one session there is', () => {
    const text = code('electron/main/security.ts');
    expect(text).toMatch(/setPermissionRequestHandler\(\(_contents, _permission, callback\) => callback\(false\)\)/);
    expect(text).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(text).toMatch(/setDevicePermissionHandler\(\(\) => false\)/);
    expect(code('electron/main/index.ts')).toMatch(/hardenSession\(session\.defaultSession, devServer\)/);
    // A second session (a partition) would escape these handlers.
    expect(offending(shell, /\bfromPartition\b|\bfromPath\b|\bpartition\s*:/)).toEqual([]);
  });

  it('a current Electron: the installed version, not just the pin, is 45 or newer', () => {
    const pinned = (JSON.parse(read('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron;
    expect(pinned, 'an exact pin, so npm ci cannot drift').toMatch(/^\d+\.\d+\.\d+$/);
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> };
    const installed = lock.packages['node_modules/electron']?.version ?? '';
    expect(installed).toBe(pinned);
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(45);
  });

  it('fuses set in packaged builds: the dist script packages with the config that flips them', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toMatch(/electron-builder --config build\/electron-builder\.yml/);
    // electronFuses needs electron-builder 24.13 or newer; older versions ignore the key silently.
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> };
    const [major = 0, minor = 0] = (lock.packages['node_modules/electron-builder']?.version ?? '0.0').split('.').map(Number);
    expect(major > 24 || (major === 24 && minor >= 13)).toBe(true);
  });

  it('no telemetry and no crash upload: nothing in the app can phone home', () => {
    const everywhere = [...shell, ...rendererCode];
    expect(offending(everywhere, /\bcrashReporter\b|\bautoUpdater\b|\bnet\.request\b|\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b/)).toEqual([]);
    expect(offending(everywhere, /from ['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]/)).toEqual([]);
    const pkg = JSON.parse(read('package.json')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const telemetry = /sentry|bugsnag|analytics|posthog|mixpanel|segment|amplitude|datadog|newrelic|rollbar|telemetry|update-electron-app|electron-updater/i;
    expect(Object.keys(pkg.dependencies).filter((name) => telemetry.test(name))).toEqual([]);
    expect(Object.keys(pkg.devDependencies).filter((name) => telemetry.test(name))).toEqual([]);
  });

  it('secrets on this device only through the asynchronous safeStorage, which the core refuses on basic_text', () => {
    // The synchronous calls go away in Electron 46; nothing may use them.
    expect(offending(shell, /\bsafeStorage\s*\.\s*(?:encryptString|decryptString|isEncryptionAvailable)\s*\(/)).toEqual([]);
    expect(offending(shell, /\bsafeStorage\b/)).toEqual(['electron/main/key-store.ts']);
    expect(code('electron/main/key-store.ts')).toMatch(/isAsyncEncryptionAvailable\(\)/);
    expect(code('electron/main/key-store.ts')).toMatch(/getSelectedStorageBackend\(\)/);
    expect(code('electron/core/services/privacy/privacy-service.ts')).toMatch(/refusedBackends = new Set\(\['basic_text'/);
    // The menu's Lock Ladder presses the renderer's own shortcut, so what is being typed is saved first.
    expect(code('electron/main/menu.ts')).toMatch(/label: 'Lock Ladder'/);
    expect(code('electron/main/menu.ts')).toMatch(/registerAccelerator: false/);
  });
});
