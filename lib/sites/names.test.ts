import { describe, expect, it } from 'vitest';
import { ALL_ADAPTERS, consoleName, demoAdapter } from './index';

describe('console names', () => {
  it('every console has an English name, which the English interface shows instead of the Chinese', () => {
    for (const a of ALL_ADAPTERS) {
      expect(a.name.en, a.id).toMatch(/^[\x20-\x7e]+$/);
      expect(a.name.zh, a.id).toMatch(/[\u4e00-\u9fff]/);
      expect(consoleName(a.name, 'en')).toBe(a.name.en);
      expect(consoleName(a.name, 'zh-CN')).toBe(a.name.zh);
    }
    expect(consoleName(demoAdapter.name, 'en')).toBe('Demo console');
    expect(consoleName(demoAdapter.name, 'zh-CN')).toBe('演示工作台');
  });
});
