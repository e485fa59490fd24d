import { describe, expect, it } from 'vitest';
import { dataTables } from '../../electron/core/services/transfer/archive-tables';
import { recordLabel, recordLabels } from '../../renderer/src/settings/record-labels';
import { openTestCore } from '../support/core';

describe('import preview labels', () => {
  it('has a plural label for every data table, so a new table never shows as its raw name', async () => {
    const test = await openTestCore();
    const tables = dataTables(test.core.archive.sqlite);
    expect(tables.length).toBeGreaterThan(20);
    expect(tables.filter((table) => recordLabels[table] === undefined)).toEqual([]);
    // And nothing is labelled that is not a table any more.
    expect(Object.keys(recordLabels).filter((table) => !tables.includes(table))).toEqual([]);
  });

  it('uses each label once and in the words of the screens', () => {
    const labels = Object.values(recordLabels);
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label, label).toMatch(/^[A-Z][^_]*$/);
    expect(recordLabel('congregation_person')).toBe('People I know in congregations');
    expect(recordLabel('network_host')).toBe('Hosts I learn from');
    expect(recordLabel('crew_stage_change')).toBe('Crew stage changes');
    expect(recordLabel('gathering_person')).toBe('People at gatherings');
  });
});
