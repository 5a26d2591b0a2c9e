import { describe, expect, it } from 'vitest';
import { libraryEditor } from './library-editor';

describe('the library editor’s and import’s strings', () => {
  it('has the same keys in Chinese and English, none empty, the same {params} in both', () => {
    expect(Object.keys(libraryEditor.en).sort()).toEqual(Object.keys(libraryEditor.zh).sort());
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, zh] of Object.entries(libraryEditor.zh)) {
      expect(zh.trim()).not.toBe('');
      expect(params(libraryEditor.en[key]!), key).toEqual(params(zh));
    }
  });
});
