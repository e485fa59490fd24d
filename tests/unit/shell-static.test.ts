/**
 * Static checks on the desktop shell. They read source text (and the TypeScript AST) and
 * never import `electron`, which cannot even load on a machine without its binary.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/csp';
import { appStartUrl, isAllowedRequest, isExternalLink, isOwnUrl, resolveDevServerUrl } from '../../electron/main/origin';
import { mimeTypeFor, resolveRendererFile } from '../../electron/main/renderer-files';
import { makeTempDir } from '../support/temp-dir';

const root = path.resolve(import.meta.dirname, '../..');
const read = (relative: string) => readFileSync(path.join(root, relative), 'utf8');

// ---------------------------------------------------------------- helpers

const sourceExtensions = /\.(?:[cm]?[jt]s|tsx)$/;
// `from 'electron'`, `import 'electron'`, `import('electron')`, `require('electron')`, and `electron/…` subpaths.
const electronImport = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)(['"`])electron(?:\/[^'"`]*)?\1/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && sourceExtensions.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Files under `dir` (relative to it) whose text imports or requires `electron`. */
function filesImportingElectron(dir: string): string[] {
  return sourceFiles(dir)
    .filter((file) => electronImport.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(dir, file).split(path.sep).join('/'));
}

function parse(relative: string) {
  return ts.createSourceFile(relative, read(relative), ts.ScriptTarget.Latest, true);
}

function walk(node: ts.Node, visit: (node: ts.Node) => void) {
  visit(node);
  node.forEachChild((child) => walk(child, visit));
}

function propertyName(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** The inline options object of every `new BrowserWindow({...})` in a file. */
function browserWindowOptions(file: ts.SourceFile): ts.ObjectLiteralExpression[] {
  const found: ts.ObjectLiteralExpression[] = [];
  walk(file, (node) => {
    if (!ts.isNewExpression(node) || node.expression.getText(file) !== 'BrowserWindow') return;
    const options = node.arguments?.[0];
    if (!options || !ts.isObjectLiteralExpression(options)) {
      throw new Error(`${file.fileName}: new BrowserWindow(...) must be given an inline object literal`);
    }
    found.push(options);
  });
  return found;
}

/** `true`/`false` for boolean literals, the source text otherwise. */
function inlineProperties(object: ts.ObjectLiteralExpression): Map<string, boolean | string> {
  const values = new Map<string, boolean | string>();
  for (const property of object.properties) {
    const name = propertyName(property);
    if (name === undefined) throw new Error(`Only plain properties may appear here, not "${property.getText()}"`);
    if (!ts.isPropertyAssignment(property)) {
      values.set(name, property.getText());
      continue;
    }
    const kind = property.initializer.kind;
    values.set(
      name,
      kind === ts.SyntaxKind.TrueKeyword ? true : kind === ts.SyntaxKind.FalseKeyword ? false : property.initializer.getText(),
    );
  }
  return values;
}

function directives(policy: string): string[] {
  return policy
    .split(';')
    .map((directive) => directive.trim().replace(/\s+/g, ' '))
    .filter((directive) => directive !== '')
    .sort();
}

// ---------------------------------------------------------------- (a) the core stays free of Electron

describe('the core never imports electron', () => {
  it('the scanner flags every form of import and nothing else', () => {
    const temp = makeTempDir('ladder-shell-static-');
    const write = (relative: string, text: string) => {
      mkdirSync(path.dirname(path.join(temp.dir, relative)), { recursive: true });
      writeFileSync(path.join(temp.dir, relative), text);
    };
    write('a.ts', "import { app } from 'electron';\n");
    write('b.js', 'const { ipcRenderer } = require("electron");\n');
    write('nested/c.ts', "export async function f() { return import('electron/main'); }\n");
    write('d.ts', "import type { WebContents } from 'electron'\n");
    write('e.mts', "import 'electron';\n");
    write('clean/vite.ts', "import { defineConfig } from 'electron-vite';\n// runs without electron\nexport { defineConfig };\n");
    write('clean/text.ts', "export const note = 'this never imports `electron`';\n");
    write('notes.md', "import { app } from 'electron';\n");
    try {
      expect(filesImportingElectron(temp.dir)).toEqual(['a.ts', 'b.js', 'd.ts', 'e.mts', 'nested/c.ts']);
      expect(electronImport.test("import { app } from 'electron'")).toBe(true);
    } finally {
      temp.remove();
    }
  });

  it.each(['electron/core', 'shared'])('%s has no file that imports electron', (dir) => {
    expect(sourceFiles(path.join(root, dir)).length).toBeGreaterThan(0);
    expect(filesImportingElectron(path.join(root, dir)), `these files in ${dir} import electron`).toEqual([]);
  });

  it('the main-process modules that tests and the browser host import are electron-free too', () => {
    const pure = ['csp.ts', 'origin.ts', 'renderer-files.ts', 'paths.ts'];
    const offending = pure.filter((file) => electronImport.test(read(`electron/main/${file}`)));
    expect(offending).toEqual([]);
  });
});

// ---------------------------------------------------------------- (b) the window's webPreferences

describe('the main window', () => {
  const required: Record<string, boolean> = {
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
  };

  const windows = sourceFiles(path.join(root, 'electron/main')).flatMap((file) =>
    browserWindowOptions(parse(path.relative(root, file))),
  );

  it('is created in exactly one place, with inline options', () => {
    expect(windows).toHaveLength(1);
  });

  it('has every required webPreferences flag inline with the right value', () => {
    for (const options of windows) {
      const top = inlineProperties(options);
      expect(top.get('show')).toBe(false);
      expect(top.get('title')).toBe("'Ladder'");
      const webPreferences = options.properties.find((property) => propertyName(property) === 'webPreferences');
      if (!webPreferences || !ts.isPropertyAssignment(webPreferences) || !ts.isObjectLiteralExpression(webPreferences.initializer)) {
        throw new Error('webPreferences must be an inline object literal inside new BrowserWindow({...})');
      }
      const preferences = inlineProperties(webPreferences.initializer);
      for (const [flag, value] of Object.entries(required)) {
        expect(preferences.get(flag), `webPreferences.${flag}`).toBe(value);
      }
      expect(preferences.has('enableBlinkFeatures')).toBe(false);
      expect(preferences.get('preload')).toBeTypeOf('string');
    }
  });

  it('loads its preload from the bundle electron-vite emits (CommonJS .cjs beside out/main)', () => {
    expect(read('electron/main/paths.ts')).toMatch(/'\.\.\/preload\/index\.cjs'/);
  });
});

// ---------------------------------------------------------------- (c) one strict CSP everywhere

describe('the Content-Security-Policy', () => {
  it('is strict', () => {
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval/);
    expect(contentSecurityPolicy).not.toMatch(/\*|https?:|wss?:|blob:/);
    expect(directives(contentSecurityPolicy)).toEqual(
      directives(
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
      ),
    );
  });

  it('is the same policy in renderer/index.html', () => {
    const html = read('renderer/index.html');
    const metas = [...html.matchAll(/<meta\b[^>]*>/gis)]
      .map((match) => match[0])
      .filter((tag) => /http-equiv\s*=\s*["']Content-Security-Policy["']/i.test(tag));
    expect(metas, 'renderer/index.html has exactly one CSP meta tag').toHaveLength(1);
    const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(metas[0] ?? '')?.[1] ?? /\bcontent\s*=\s*'([^']*)'/i.exec(metas[0] ?? '')?.[1];
    // frame-ancestors only works as a header (browsers ignore it in a meta tag and warn), so the
    // meta carries every other directive and the header carries all of them.
    const headerOnly = (list: string[]) => list.filter((directive) => !directive.startsWith('frame-ancestors'));
    expect(directives(content ?? '')).toEqual(headerOnly(directives(contentSecurityPolicy)));
  });

  it('is written once, in csp.ts, and sent by both the app:// handler and the session', () => {
    const mainFiles = sourceFiles(path.join(root, 'electron/main')).map((file) => path.relative(root, file));
    const withPolicyText = mainFiles.filter((file) => read(file).includes('default-src'));
    expect(withPolicyText).toEqual(['electron/main/csp.ts']);
    expect(read('electron/main/protocol.ts')).toContain('contentSecurityPolicy');
    // The session sends the strict policy; the relaxed one only when a dev server is in use.
    expect(read('electron/main/security.ts')).toMatch(/devServer \? developmentContentSecurityPolicy : contentSecurityPolicy[\s\S]*onHeadersReceived/);
    expect(read('electron.vite.config.ts')).toMatch(/apply: 'serve'[\s\S]*developmentContentSecurityPolicy/);
  });
});

// ---------------------------------------------------------------- (d) the preload

describe('the preload', () => {
  const file = parse('electron/preload/index.ts');

  it('exposes exactly one key, ladder, holding only invoke', () => {
    const exposures: ts.CallExpression[] = [];
    walk(file, (node) => {
      if (ts.isCallExpression(node) && node.expression.getText(file).endsWith('exposeInMainWorld')) exposures.push(node);
    });
    expect(exposures).toHaveLength(1);
    const [key, value] = exposures[0]?.arguments ?? [];
    expect(key && ts.isStringLiteral(key) ? key.text : key?.getText(file)).toBe('ladder');

    // The exposed value is an object literal, or a const initialised with one.
    let object: ts.Expression | undefined = value;
    if (object && ts.isIdentifier(object)) {
      const name = object.text;
      let initializer: ts.Expression | undefined;
      walk(file, (node) => {
        if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) initializer = node.initializer;
      });
      object = initializer;
    }
    while (object && (ts.isSatisfiesExpression(object) || ts.isAsExpression(object) || ts.isParenthesizedExpression(object))) {
      object = object.expression;
    }
    if (!object || !ts.isObjectLiteralExpression(object)) throw new Error('the exposed bridge must be an object literal');
    expect(object.properties.map(propertyName)).toEqual(['invoke']);
  });

  it('imports only electron and the shared bridge constants (sandboxed preloads can require nothing else)', () => {
    const specifiers = file.statements
      .filter(ts.isImportDeclaration)
      .map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text);
    expect(specifiers.sort()).toEqual(['../../shared/bridge', 'electron']);
    expect(read('electron/preload/index.ts')).not.toMatch(/\brequire\s*\(/);
    // Everything the bridge module imports is erased at build time.
    const bridge = parse('shared/bridge.ts');
    for (const statement of bridge.statements.filter(ts.isImportDeclaration)) {
      expect(statement.importClause?.isTypeOnly, statement.getText(bridge)).toBe(true);
    }
  });
});

// ---------------------------------------------------------------- (e) packaging

describe('the electron-builder config', () => {
  type Configuration = { npmRebuild?: boolean; electronFuses?: Record<string, boolean>; directories?: { output?: string } };
  // app-builder-lib is what electron-builder itself uses to read and validate the file.
  const require = createRequire(path.join(root, 'package.json'));
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    getConfig: (projectDir: string, configPath: string, options: null) => Promise<Configuration>;
    validateConfiguration: (config: Configuration, debugLogger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  const load = () => getConfig(root, 'build/electron-builder.yml', null);

  it('passes electron-builder’s own schema', async () => {
    await expect(load().then((config) => validateConfiguration(config, new DebugLogger(false)))).resolves.toBeUndefined();
  });

  it('flips the security fuses and never rebuilds native modules', async () => {
    const config = await load();
    expect(config.npmRebuild).toBe(false);
    expect(config.directories?.output).toBe('dist');
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });
});

// ---------------------------------------------------------------- (f) Electron version

describe('the Electron version', () => {
  it('is 45 or newer', () => {
    const pkg = JSON.parse(read('package.json')) as { devDependencies?: Record<string, string> };
    const version = pkg.devDependencies?.electron ?? '';
    const major = Number(/(\d+)\./.exec(version)?.[1]);
    expect(major, `electron devDependency "${version}"`).toBeGreaterThanOrEqual(45);
  });
});

// ---------------------------------------------------------------- the shell's pure rules

describe('where the window may go and what it may load', () => {
  const dev = resolveDevServerUrl('http://localhost:5173/', false);

  it('only trusts a loopback dev server, and never in a packaged app', () => {
    expect(dev?.origin).toBe('http://localhost:5173');
    expect(resolveDevServerUrl('http://localhost:5173/', true)).toBeNull();
    expect(resolveDevServerUrl('https://evil.example/', false)).toBeNull();
    expect(resolveDevServerUrl('file:///etc/passwd', false)).toBeNull();
    expect(resolveDevServerUrl(undefined, false)).toBeNull();
  });

  it('knows its own origin', () => {
    expect(isOwnUrl(appStartUrl, null)).toBe(true);
    expect(isOwnUrl('app://ladder/dyads', null)).toBe(true);
    expect(isOwnUrl('app://other/index.html', null)).toBe(false);
    expect(isOwnUrl('file:///work/main/out/renderer/index.html', null)).toBe(false);
    expect(isOwnUrl('http://localhost:5173/', null)).toBe(false);
    expect(isOwnUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isOwnUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isOwnUrl('not a url', dev)).toBe(false);
  });

  it('lets no request reach the network', () => {
    expect(isAllowedRequest('app://ladder/assets/index.js', null)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/inspector.html', null)).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://elsewhere/x', 'ws://localhost:5173/']) {
      expect(isAllowedRequest(url, null), url).toBe(false);
    }
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('https://example.com/', dev)).toBe(false);
  });

  it('offers only plain https links to the browser', () => {
    expect(isExternalLink('https://www.microsolidarity.cc/')).toBe(true);
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.com/', 'smb://host/share']) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });
});

describe('the app:// file handler', () => {
  const dir = path.resolve('/srv/renderer');

  it('serves files inside the renderer folder', () => {
    expect(resolveRendererFile(dir, '/')).toBe(path.join(dir, 'index.html'));
    expect(resolveRendererFile(dir, '/index.html')).toBe(path.join(dir, 'index.html'));
    expect(resolveRendererFile(dir, '/assets/index-abc.js')).toBe(path.join(dir, 'assets/index-abc.js'));
    expect(resolveRendererFile(dir, '/assets/a%20b.css')).toBe(path.join(dir, 'assets/a b.css'));
  });

  it('refuses path traversal in every spelling', () => {
    for (const urlPath of ['/../secret', '/assets/../../secret', '/..%2F..%2Fetc%2Fpasswd', '/%2e%2e/secret', '/..%5C..%5Csecret', '/a%00.js', '/C:/Windows/win.ini', '/%E0%A4%A']) {
      expect(resolveRendererFile(dir, urlPath), urlPath).toBeNull();
    }
  });

  it('sends the right MIME types', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('assets/index.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/index.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('image.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('unknown.bin')).toBe('application/octet-stream');
  });
});
