import { spawn } from 'node:child_process';
import path from 'node:path';
import { bundleBench, bundleDirVariable } from './bundle';

/** `npm run bench`: bundles the benchmark, then runs it in plain Node with the same arguments. */
const dir = await bundleBench();
const child = spawn(process.execPath, [path.join(dir, 'run.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, [bundleDirVariable]: dir },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
