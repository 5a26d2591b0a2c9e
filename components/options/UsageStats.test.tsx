import { describe, expect, it } from 'vitest';
import { usageRows } from './UsageStats';
import type { Template } from '@/lib/domain/templates/types';

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
});
