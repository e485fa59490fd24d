import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Paths of the sibling bundles, next to out/main/index.js. The main bundle is ESM (package.json
 * has "type": "module"), hence import.meta.url; for the same reason electron-vite names the
 * CommonJS preload (sandboxed preloads cannot be ESM) index.cjs, not index.js.
 */
const mainDir = path.dirname(fileURLToPath(import.meta.url));

export const preloadPath = path.join(mainDir, '../preload/index.cjs');
export const rendererDir = path.join(mainDir, '../renderer');
