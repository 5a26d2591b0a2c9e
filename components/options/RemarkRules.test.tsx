// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { PRESET_A, cloneRuleSet, isoDate, type RuleSet } from '@/lib/domain/remarks';
import { RemarkRules } from './RemarkRules';
import { check, type } from '../remarks/testing';
import { mountTab } from './testing';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';

const today = isoDate(Date.now(), 480);
const inDays = (n: number) => isoDate(Date.now() + n * 86_400_000, 480);

async function setup() {
  let stored: RuleSet = cloneRuleSet(PRESET_A);
  const saveRuleSet = vi.fn((r: RuleSet) => (stored = r));
  const tab = await mountTab(
    <RemarkRules />,
    {
      getRuleSet: () => stored,
      saveRuleSet,
      // The sample remark is checked against the shop's today (shopZone of the settings).
      getSettings: () => DEFAULT_APP_SETTINGS,
      listRemarkOverrides: () => [{ at: 1, platform: 'demo', orderId: '3930018273645518290', buyer: 'b', flag: 'purple', agent: '小美', reason: '买家同意等', problems: [], text: '缺货' }],
    },
    // Saving reloads the rules, as the page does when storage changes.
    { notify: ['saveRuleSet'] },
  );
  return { ...tab, saveRuleSet };
}

describe('RemarkRules options tab', () => {
  it('saves an edit only when asked, and a remark tried against the edited rule follows it', async () => {
    const { q, click, saveRuleSet } = await setup();
    expect((q('[data-kf="rules-save"]') as HTMLButtonElement).disabled).toBe(true);
    type(q('[data-kf="rules-try-text"]'), `【延迟发货】可发货日:${inDays(3)}｜小美 ${today}`);
    expect(q('[data-kf="rules-try-ok"]')).not.toBeNull();
    // Make the purple rule's reason required.
    const reasonRow = Array.from(document.querySelectorAll('[data-kf="editor-fields"] tr[data-field]')).find((r) => r.getAttribute('data-field') === 'reason')!;
    check(reasonRow.querySelector('[data-kf="field-required"]'), true);
    expect(q('[data-kf="rules-unsaved"]')).not.toBeNull();
    expect(q('[data-kf="rules-try-problems"] [data-field="reason"]')).not.toBeNull();
    await click('[data-kf="rules-save"]');
    expect(saveRuleSet).toHaveBeenCalledTimes(1);
    expect(saveRuleSet.mock.calls[0]![0].flags.purple.fields.find((f) => f.key === 'reason')!.required).toBe(true);
    expect(q('[data-kf="rules-status"]')?.textContent).toBe('规则已保存。');
    expect(q('[data-kf="rules-unsaved"]')).toBeNull();
  });

  it('lists remarks saved against the rules with the reason', async () => {
    const { q } = await setup();
    expect(q('[data-kf="remark-overrides"]')?.textContent).toContain('买家同意等');
  });
});
