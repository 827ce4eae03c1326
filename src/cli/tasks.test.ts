import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '../domain/tasks/notice';
import { planJson } from './tasks';

const SEED = new URL('../domain/tasks/fixtures/seed-001.txt', import.meta.url);

describe('import tasks --json', () => {
  const json = planJson(parseNotice({ text: fs.readFileSync(SEED, 'utf8') }));

  it('prints the contract’s fields, in its order, and nothing else', () => {
    expect(Object.keys(json)).toEqual(['title', 'issuer', 'docNumber', 'date', 'year', 'tasks', 'warnings']);
    for (const t of json.tasks)
      expect(Object.keys(t)).toEqual([
        'ref',
        'section',
        'text',
        'measures',
        'leadUnits',
        'responsibleUnits',
        'deadlines',
        'disclosurePaths',
      ]);
    for (const w of json.warnings) expect(Object.keys(w)).toEqual(['ref', 'message']);
  });

  it('keeps unit names as written (the typo is not corrected, groups are not expanded)', () => {
    // seed 001 line 151 (房地产金融舆情): "区住房城市建委、区金融办" are responsible, as printed.
    expect(json.year).toBe(2021);
    expect(json.tasks).toHaveLength(46);
    expect(json.tasks.find((t) => t.ref === 'T017')?.responsibleUnits).toEqual([
      '区住房城市建委',
      '区金融办',
    ]);
    expect(json.tasks.find((t) => t.ref === 'T002')?.responsibleUnits).toEqual(['区政府有关部门']);
  });
});
