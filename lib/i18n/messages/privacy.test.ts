import { describe, expect, it } from 'vitest';
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
