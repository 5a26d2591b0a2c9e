import { describe, expect, it } from 'vitest';
import { fill } from '../lookup';
import { privacyMessages } from './privacy';
import { allDataImportMessages } from './all-data-import';

describe.each([
  ['deleting buyers and 全部数据 (options page)', privacyMessages],
  ['problems of an 导入全部数据 file (worker-extras.js)', allDataImportMessages],
])('strings for %s', (_name, bundle) => {
  it('has the same keys and placeholders in Chinese and English, none empty', () => {
    expect(Object.keys(bundle.en).sort()).toEqual(Object.keys(bundle.zh).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(bundle.zh)) {
      expect(zh.trim(), key).not.toBe('');
      expect(placeholders(bundle.en[key]!), key).toEqual(placeholders(zh));
    }
  });
});

// walk8 left "(s)" in the English confirmation of 删除买家: "1 learned pick(s) holding the buyer’s name".
describe('the English confirmation of deleting a buyer counts as English reads', () => {
  const en = (key: string, params: Record<string, number>) => fill(privacyMessages.en[key]!, params);
  it('says one thing in the singular and several in the plural, never "(s)"', () => {
    expect(en('forget.learned', { n: 1 })).toBe('1 learned pick holding the buyer’s name');
    expect(en('forget.learned', { n: 3 })).toBe('3 learned picks holding the buyer’s name');
    expect(en('forget.done', { n: 1 })).toBe('1 done follow-up or VIP revisit');
    expect(en('forget.open', { n: 1 })).toMatch(/^1 follow-up is not done yet/);
    expect(en('forget.open', { n: 2 })).toMatch(/^2 follow-ups are not done yet/);
    expect(en('forget.result', { deleted: 2, kept: 0, learned: 1 })).toBe('Follow-ups: 2 deleted, 0 kept anonymous; 1 learned pick deleted.');
    for (const text of Object.values(privacyMessages.en)) expect(text).not.toContain('(s)');
  });
});
