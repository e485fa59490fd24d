/**
 * Runs Doyensec's Electronegativity over the shell's source (electron/) and, when it has been
 * built, what ships (out/), and fails on any finding above informational that is not in
 * electronegativity-accepted.json. The scanner always exits 0, so this script is the gate.
 *
 * Run: `npx tsx tests/security/electronegativity.ts` (npm test runs it after the build).
 * npx keeps the scanner's ~400 old dependencies out of our lockfile; the only network it needs
 * is the npm registry, once. It also tries GitHub for Electron's release list and gives up.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeVerdict, type Finding, judge, parseReport, validateAccepted, withPreload } from './electronegativity-report';

const scanner = '@doyensec/electronegativity@1.10.3';
const root = path.resolve(import.meta.dirname, '../..');
const timeoutMs = 120_000;
const orderedWrites = path.join(import.meta.dirname, 'ordered-report-writes.cjs');

function electronVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const version = /\d+\.\d+\.\d+/.exec(pkg.devDependencies?.electron ?? '')?.[0];
  if (!version) throw new Error('package.json has no pinned electron devDependency');
  return version;
}

/**
 * One scanner run over `input`, returning the parsed CSV; run again once if its report cannot be
 * read. The scanner's two report writes race (ordered-report-writes.cjs puts them in order); the
 * second run stays as a guard should a later scanner race elsewhere. A second unreadable report
 * fails the run.
 */
async function scan(input: string, label: string, work: string): Promise<Finding[]> {
  try {
    return await scanOnce(input, label, work);
  } catch (error) {
    if (!(error instanceof UnreadableReport)) throw error;
    console.warn(`Electronegativity's report on ${label} could not be read; scanning it again. (${error.message.slice(0, 200)})`);
    return scanOnce(input, label, work);
  }
}

class UnreadableReport extends Error {}

/** `label` is the folder as findings name it. */
function scanOnce(input: string, label: string, work: string): Promise<Finding[]> {
  const output = path.join(work, `${label.replace(/[^a-z0-9]+/gi, '-')}.csv`);
  rmSync(output, { force: true });
  // -e: the scanned folders hold no package.json, and without it the scanner assumes Electron 0.1.
  const args = ['-y', scanner, '-i', input, '-o', output, '-r', '-v', 'false', '-e', electronVersion()];
  return new Promise((resolve, reject) => {
    const env = { ...process.env, LADDER_SCANNER_REPORT: output, NODE_OPTIONS: withPreload(process.env.NODE_OPTIONS, orderedWrites) };
    const child = spawn('npx', args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0 || !existsSync(output)) {
        reject(new Error(`Electronegativity on ${label} wrote no report (exit ${code}):\n${log}`));
        return;
      }
      try {
        resolve(parseReport(readFileSync(output, 'utf8'), label));
      } catch (error) {
        reject(new UnreadableReport(error instanceof Error ? error.message : String(error)));
      }
    });
  });
}

/** A window that breaks the checklist on purpose: if the scanner does not flag it, it is not working here. */
function writeCanary(work: string): string {
  const dir = path.join(work, 'canary');
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, 'main.js'),
    "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });\n",
  );
  return dir;
}

/** Inline `eng-disable` comments would silence the scanner outside the accepted list. */
function inlineSuppressions(): string[] {
  const found: string[] = [];
  for (const dir of ['electron', 'renderer', 'shared', 'out']) {
    const full = path.join(root, dir);
    if (!existsSync(full)) continue;
    for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || !/\.(?:[cm]?[jt]sx?|html)$/.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (/eng-disable/i.test(readFileSync(file, 'utf8'))) found.push(path.relative(root, file));
    }
  }
  return found;
}

async function main() {
  const started = Date.now();
  const acceptedFile = path.join(import.meta.dirname, 'electronegativity-accepted.json');
  const accepted = validateAccepted(JSON.parse(readFileSync(acceptedFile, 'utf8')));
  const work = mkdtempSync(path.join(tmpdir(), 'ladder-electronegativity-'));
  try {
    const targets = [{ input: path.join(root, 'electron'), label: 'electron' }];
    if (existsSync(path.join(root, 'out/main'))) targets.push({ input: path.join(root, 'out'), label: 'out' });
    else console.warn('out/ is not built yet: scanning electron/ only (npm test builds first).');
    const canaryDir = writeCanary(work);

    // In parallel: each run waits ~10 s on network time-outs.
    const [canary, ...reports] = await Promise.all([scan(canaryDir, 'canary', work), ...targets.map((t) => scan(t.input, t.label, work))]);
    const problems: string[] = [];
    // (It rates nodeIntegration: true as informational only; shell-static.test.ts pins that flag.)
    for (const check of ['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']) {
      if (!canary.some((finding) => finding.check === check && finding.severity === 'HIGH')) {
        problems.push(`The scanner did not report ${check} on the broken canary window, so its silence about Ladder proves nothing.`);
      }
    }
    for (const file of inlineSuppressions()) problems.push(`${file} has an eng-disable comment: put the exception in ${path.relative(root, acceptedFile)} with a reason.`);

    const verdict = judge(reports.flat(), accepted);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`Electronegativity ${scanner.split('@')[2]} on ${targets.map((t) => `${t.label}/`).join(' and ')} (${seconds} s):\n`);
    process.stdout.write(`${describeVerdict(verdict)}\n`);
    for (const finding of verdict.fresh) {
      problems.push(`NEW ${finding.severity} ${finding.check} in ${finding.file}:${finding.location}: ${finding.description}`);
    }
    if (problems.length > 0) {
      console.error(`\n${problems.join('\n')}\n\nFix the code, or add the finding to ${path.relative(root, acceptedFile)} with the reason it is safe.`);
      process.exitCode = 1;
    } else process.stdout.write('Electronegativity: nothing new above informational.\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
