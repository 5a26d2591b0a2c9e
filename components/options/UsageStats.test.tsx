import { describe, expect, it } from 'vitest';
import { topScenario, usageRows } from './UsageStats';
import { getLocale, setLocale } from '@/lib/i18n';
import type { Template } from '@/lib/domain/templates/types';
import { SCENARIOS } from '@/lib/domain/scenarios';

const tpl = (id: string, title: string): Template => ({ id, title, body: title, group: 'g', scenarios: ['thanks'] });

describe('usage ranking for the options page', () => {
  it('puts the most used first and never-used templates last', () => {
    const rows = usageRows([tpl('a', '甲'), tpl('b', '乙'), tpl('c', '丙')], {
      b: { count: 5, lastUsed: 10, byScenario: { thanks: 5 } },
      c: { count: 1, lastUsed: 20, byScenario: {} },
    });
    expect(rows.map((r) => r.template.id)).toEqual(['b', 'c', 'a']);
    expect(rows[2]!.usage.count).toBe(0);
  });

  it('names the main situation in the interface language, and an unknown id as written', () => {
    const before = getLocale();
    try {
      const u = { count: 3, lastUsed: 1, byScenario: { 'size-fit': 2, thanks: 1 } };
      setLocale('en');
      expect(topScenario(u)).toBe(SCENARIOS['size-fit'].en);
      setLocale('zh-CN');
      expect(topScenario(u)).toBe(SCENARIOS['size-fit'].zh);
      expect(topScenario({ count: 1, lastUsed: 1, byScenario: { 'from-newer-version': 1 } as never })).toBe('from-newer-version');
    } finally {
      setLocale(before);
    }
  });
});
