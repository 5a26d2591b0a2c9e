// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PRESET_A, cloneRuleSet } from '@/lib/domain/remarks';
import { RemarkRules } from './RemarkRules';
import { mountTab } from './testing';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { onComputerZone } from '@/lib/domain/testing';

describe('the log of remarks saved against the rules (备注规则 tab)', () => {
  onComputerZone('America/Los_Angeles');

  it('dates each entry in shop time, as the remarks themselves are dated, on a computer in another zone', async () => {
    // 06:50 UTC: 14:50 in Beijing; 22:50 the day before in Los Angeles.
    const at = Date.UTC(2026, 11, 2, 6, 50);
    const tab = await mountTab(<RemarkRules />, {
      getRuleSet: () => cloneRuleSet(PRESET_A),
      getSettings: () => DEFAULT_APP_SETTINGS,
      listRemarkOverrides: () => [{ at, platform: 'demo', orderId: '3930018273645518290', buyer: 'b', flag: 'purple', agent: '小美', reason: '买家同意等', problems: [], text: '缺货' }],
    });
    const cells = [...tab.q('[data-kf="remark-overrides"] tbody tr')!.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual(['2026-12-02 14:50', '3930018273645518290', '小美', '买家同意等', '缺货']);
  });
});
