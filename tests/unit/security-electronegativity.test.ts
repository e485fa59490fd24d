/** The Electronegativity gate's own logic: what fails the run and what an exception must carry. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, parseCsv, parseReport, validateAccepted, withPreload } from '../security/electronegativity-report';

const header = 'issue, severity, confidence, filename, location, sample, description, url';
const report = [
  header,
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/security.ts","43:28","if (response === 0) await shell.openExternal(url);","Review the use of openExternal",https://x',
  'NODE_INTEGRATION_JS_CHECK,"INFORMATIONAL","FIRM","main/window.ts","2:38","new BrowserWindow({ a, b })","Disable nodeIntegration",https://x',
  'LIMIT_NAVIGATION_GLOBAL_CHECK,"HIGH","CERTAIN","N/A","0:0",N/A,"Missing navigation limits, using ""new-window""",https://x',
].join('\n');

const reason = 'Guarded by isExternalLink and a confirmation dialog, pinned by the checklist test.';

describe('the Electronegativity gate', () => {
  it('reads quoted CSV fields with commas and doubled quotes', () => {
    expect(parseCsv('a,"b, c","say ""hi"""\r\n1,2,3\n')).toEqual([
      ['a', 'b, c', 'say "hi"'],
      ['1', '2', '3'],
    ]);
  });

  it('names findings by repository path and refuses anything that is not a report', () => {
    const findings = parseReport(report, 'electron');
    expect(findings.map((finding) => [finding.check, finding.severity, finding.file])).toEqual([
      ['OPEN_EXTERNAL_JS_CHECK', 'MEDIUM', 'electron/main/security.ts'],
      ['NODE_INTEGRATION_JS_CHECK', 'INFORMATIONAL', 'electron/main/window.ts'],
      ['LIMIT_NAVIGATION_GLOBAL_CHECK', 'HIGH', 'N/A'],
    ]);
    expect(findings[2]?.description).toBe('Missing navigation limits, using "new-window"');
    expect(() => parseReport('', 'electron')).toThrow(/Not an Electronegativity/);
    expect(() => parseReport(`${header}\nX,"SEVERE","FIRM","a.js","1:1",N/A,"d",u`, 'electron')).toThrow(/Unknown severity/);
  });

  it('fails on anything above informational that is not accepted, and matches on the sample, not the line', () => {
    const findings = parseReport(report, 'electron');
    const accepted = [{ check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/security.ts', sample: 'if (response === 0)  await shell.openExternal(url);', reason }];
    const verdict = judge(findings, accepted);
    expect(verdict.fresh.map((finding) => finding.check)).toEqual(['LIMIT_NAVIGATION_GLOBAL_CHECK']);
    expect(verdict.accepted).toHaveLength(1);
    expect(verdict.informational).toHaveLength(1);
    expect(verdict.stale).toEqual([]);

    // A second openExternal call in the same file is new, not covered by the first one's exception.
    const another = parseReport(`${header}\nOPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/security.ts","80:2","shell.openExternal(link);","r",u`, 'electron');
    const second = judge(another, accepted);
    expect(second.fresh).toHaveLength(1);
    expect(second.stale).toEqual(accepted);
  });

  it('requires every exception to carry a written reason', () => {
    expect(() => validateAccepted({ accepted: [{ check: 'X', file: 'a.ts', sample: '' }] })).toThrow(/reason/);
    expect(() => validateAccepted({ accepted: [{ check: 'X', file: 'a.ts', sample: '', reason: 'fine' }] })).toThrow(/reason/);
    expect(() => validateAccepted([])).toThrow(/accepted/);
    const file = path.resolve(import.meta.dirname, '../security/electronegativity-accepted.json');
    const list = validateAccepted(JSON.parse(readFileSync(file, 'utf8')));
    expect(list.length).toBeGreaterThan(0);
    // Nothing above informational is waved through for a whole check or a whole folder.
    for (const entry of list) expect(entry.file).toMatch(/^(?:electron|out)\/.+\.\w+$/);
  });

  it("gets the scanner's report with its header first and every finding after it", () => {
    // The scanner's own two writes, unchained: without the preload the rows mostly land first here.
    const scannerWrites = `const fs = require('node:fs');
      fs.writeFile(process.argv[1], 'issue, severity\\n', (e) => { if (e) throw e; });
      fs.writeFile(process.argv[1], 'X,"LOW"\\n'.repeat(50), { flag: 'a' }, (e) => { if (e) throw e; });`;
    const preload = path.resolve(import.meta.dirname, '../security/ordered-report-writes.cjs');
    const work = mkdtempSync(path.join(tmpdir(), 'ladder-report-writes-'));
    try {
      const report = path.join(work, 'report.csv');
      for (let run = 0; run < 20; run++) {
        execFileSync(process.execPath, ['--require', preload, '-e', scannerWrites, report], { env: { ...process.env, LADDER_SCANNER_REPORT: report } });
        expect(readFileSync(report, 'utf8')).toBe(`issue, severity\n${'X,"LOW"\n'.repeat(50)}`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('hands the preload to the scanner’s Node by a path Node reads back whole, on Windows too', () => {
    for (const preload of ['C:\\Users\\Ada Lovelace\\ladder\\tests\\security\\ordered-report-writes.cjs', '/home/ada/my "ladder"/ordered-report-writes.cjs']) {
      // The file does not exist, so Node says which path it was asked to load.
      const run = spawnSync(process.execPath, ['-e', ''], { env: { ...process.env, NODE_OPTIONS: withPreload('--max-old-space-size=512', preload) }, encoding: 'utf8' });
      expect(run.status).not.toBe(0);
      expect(run.stderr).toContain(`Cannot find module '${preload}'`);
    }
  });
});
