import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
export { bundleDirVariable } from './child';

/**
 * The benchmark as plain JavaScript, run by plain Node, as the desktop app runs its core from a
 * bundle: under tsx, the measuring process also held tsx's compiler and every module's source
 * map, 35–45 MB of "core memory" that no user's Ladder has.
 */

/** The scripts `npm run bench` runs: the measuring process and the four it forks. */
export const benchEntries = ['run', 'generate-process', 'host-process', 'transfer-process', 'desktop-process'] as const;

/** Inside node_modules, so the packages left out of the bundle resolve from it. */
export const defaultBundleDir = path.resolve(import.meta.dirname, '../../node_modules/.cache/ladder-bench');

// Each module's own folder and URL, as if it had not been bundled: the host finds the built
// renderer, the report its results folder, the workers the native driver.
const keepModuleLocation: Plugin = {
  name: 'keep-module-location',
  setup(plugin) {
    plugin.onLoad({ filter: /\.tsx?$/ }, async (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = await readFile(args.path, 'utf8');
      const contents = source
        .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

export async function bundleBench(outDir = defaultBundleDir) {
  // Chunks are named by content: the last run's would pile up.
  rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints: {
      ...Object.fromEntries(benchEntries.map((name) => [name, path.resolve(import.meta.dirname, `${name}.ts`)])),
      // The core's thread, as the desktop app starts it (scenarios/desktop.ts).
      'core-worker': path.resolve(import.meta.dirname, '../../electron/core/thread/core-worker.ts'),
    },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    // Dynamic imports stay lazy, as in the app's own bundles.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    // The native driver cannot be bundled; Playwright's client is not the core.
    external: ['better-sqlite3-multiple-ciphers', 'playwright-core', 'tsx'],
    // Bundled CommonJS packages still call require().
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
    plugins: [keepModuleLocation],
    logLevel: 'warning',
  });
  return outDir;
}
