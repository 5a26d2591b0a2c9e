// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { PRESET_A, cloneRuleSet, isoDate, type RuleSet } from '@/lib/domain/remarks';
import { RemarkRules } from './RemarkRules';
import { check, type } from '../remarks/testing';
import { mountTab } from './testing';
import { setLocale } from '@/lib/i18n';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';

const today = isoDate(Date.now(), 480);
const inDays = (n: number) => isoDate(Date.now() + n * 86_400_000, 480);

/** The tab as the owner opens it; `turn` false leaves both pickers where they open. */
async function setup(turn = true, settings = DEFAULT_APP_SETTINGS) {
  let stored: RuleSet = cloneRuleSet(PRESET_A);
  const saveRuleSet = vi.fn((r: RuleSet) => (stored = cloneRuleSet(r)));
  const patchSettings = vi.fn(() => DEFAULT_APP_SETTINGS);
  const tab = await mountTab(
    <RemarkRules />,
    {
      // A new object on every read, as from the worker.
      getRuleSet: () => cloneRuleSet(stored),
      saveRuleSet,
      patchSettings,
      // The sample remark is checked against the shop's today (shopZone of the settings).
      getSettings: () => settings,
      listRemarkOverrides: () => [{ at: 1, platform: 'demo', orderId: '3930018273645518290', buyer: 'b', flag: 'purple', agent: '小美', reason: '买家同意等', problems: [], text: '缺货' }],
    },
    // Saving reloads the rules, as the page does when storage changes.
    { notify: ['saveRuleSet'] },
  );
  /** Another options tab saves rules (without telling this one yet). */
  const storeElsewhere = (edit: (r: RuleSet) => void) => {
    const next = cloneRuleSet(stored);
    edit(next);
    stored = next;
  };
  // The tests edit and try 紫旗's rule (the tab opens on 红旗: RuleSetEditor's test and the one below).
  if (turn) {
    type(tab.q('[data-kf="editor-target"]'), 'purple');
    type(tab.q('[data-kf="rules-try-flag"]'), 'purple');
  }
  return { ...tab, saveRuleSet, patchSettings, storeElsewhere };
}

const value = (el: Element | null) => (el as HTMLInputElement).value;

describe('RemarkRules options tab', () => {
  it("shows how a remark for the flag being tried is written under the rules as edited, signed with the shop's agent name", async () => {
    const tab = await setup(false, { ...DEFAULT_APP_SETTINGS, shop: { ...DEFAULT_APP_SETTINGS.shop, agentName: '阿杰' } });
    const format = () => tab.q('[data-kf="rules-try-format"]')?.textContent;
    expect(format()).toBe(`按本规则，红旗的备注这样写（把“…”换成实际内容，没有的项整段省略）：【已核对可发货】优惠：…｜主管同意：…｜说明：…｜阿杰 ${today}`);
    // Written that way, the remark passes the check.
    type(tab.q('[data-kf="rules-try-text"]'), `【已核对可发货】优惠：10元｜主管同意：王姐｜阿杰 ${today}`);
    expect(tab.q('[data-kf="rules-try-ok"]')).not.toBeNull();
    // It follows the flag tried and the rule being edited.
    type(tab.q('[data-kf="rules-try-flag"]'), 'gray');
    expect(format()).toBe(`按本规则，灰旗的备注这样写（把“…”换成实际内容，没有的项整段省略）：【${PRESET_A.flags.gray.title}】${PRESET_A.flags.gray.fields.map((f) => `${f.label}：…｜`).join('')}阿杰 ${today}`);
  });

  it("asks a remark tried without a signature to be signed with the shop's agent name, not “客服名”", async () => {
    const tab = await setup(false, { ...DEFAULT_APP_SETTINGS, shop: { ...DEFAULT_APP_SETTINGS.shop, agentName: '阿杰' } });
    type(tab.q('[data-kf="rules-try-text"]'), '【已核对可发货】优惠：10元｜主管同意：王姐');
    const said = tab.q('[data-kf="rules-try-problems"] [data-code="missing-agent"]')?.textContent;
    expect(said).toBe(`备注缺少经办人：请在末尾写上“阿杰 ${today}”。`);
    // A remark another agent signed is tried for its shape: who signs is checked where remarks are written.
    type(tab.q('[data-kf="rules-try-text"]'), `【已核对可发货】优惠：10元｜主管同意：王姐｜小美 ${today}`);
    expect(tab.q('[data-kf="rules-try-ok"]')).not.toBeNull();
  });

  it('tries the flag whose rule is being edited, and can still try another', async () => {
    const tab = await setup(false);
    type(tab.q('[data-kf="editor-target"]'), 'yellow');
    expect(value(tab.q('[data-kf="rules-try-flag"]'))).toBe('yellow');
    expect(tab.q('[data-kf="rules-try-format"]')?.textContent).toContain(`黄旗的备注这样写`);
    expect(tab.q('[data-kf="rules-try-format"]')?.textContent).toContain(`【${PRESET_A.flags.yellow.title}】`);
    type(tab.q('[data-kf="rules-try-flag"]'), 'gray');
    expect(value(tab.q('[data-kf="rules-try-flag"]'))).toBe('gray');
    expect(value(tab.q('[data-kf="editor-target"]'))).toBe('yellow');
    // An after-sale record being edited is tried too.
    type(tab.q('[data-kf="editor-target"]'), 'return');
    expect(value(tab.q('[data-kf="rules-try-flag"]'))).toBe('return');
    expect(tab.q('[data-kf="rules-try-format"]')?.textContent).toContain(`退货记录这样写`);
  });

  // The after-sale records (质量换货, 退货…) are lines the agents write under any flag: the owner tries them as the flags.
  it('tries an after-sale record: shows how 质量换货 is written, passes a line written so and names a missing field', async () => {
    const tab = await setup(false, { ...DEFAULT_APP_SETTINGS, shop: { ...DEFAULT_APP_SETTINGS.shop, agentName: '阿杰' } });
    const records = Array.from(tab.q('[data-kf="rules-try-flag"]')!.querySelectorAll('optgroup option')).map((o) => o.textContent);
    expect(records).toEqual(['质量换货记录', '非质量换货记录', '退货记录', '折价补偿记录']);
    type(tab.q('[data-kf="rules-try-flag"]'), 'quality-exchange');
    const rule = PRESET_A.records['quality-exchange'];
    expect(tab.q('[data-kf="rules-try-format"]')?.textContent).toBe(
      `按本规则，质量换货记录这样写（把“…”换成实际内容，没有的项整段省略）：【${rule.title}】${rule.fields.map((f) => `${f.label}：…｜`).join('')}阿杰 ${today}`,
    );
    type(tab.q('[data-kf="rules-try-text"]'), `【质量换货】质量问题：领口脱线｜退回款式：黑色L｜换款式：黑色XL｜运费：10元｜已退运费：否｜已登记：是｜阿杰 ${today}`);
    expect(tab.q('[data-kf="rules-try-ok"]')).not.toBeNull();
    type(tab.q('[data-kf="rules-try-text"]'), `【质量换货】退回款式：黑色L｜换款式：黑色XL｜运费：10元｜已退运费：否｜已登记：是｜阿杰 ${today}`);
    expect(tab.q('[data-kf="rules-try-problems"] [data-field="defect"]')).not.toBeNull();
    // A flag's remark tried as the record is named for what it is.
    type(tab.q('[data-kf="rules-try-text"]'), `【延迟发货】可发货日：${inDays(3)}｜阿杰 ${today}`);
    expect(tab.q('[data-kf="rules-try-problems"] [data-code="wrong-flag"]')?.textContent).toContain('【质量换货】记录');
  });

  it('says in plain English how an order with a flag, and an after-sale record, is written', async () => {
    setLocale('en');
    try {
      const tab = await setup(false, { ...DEFAULT_APP_SETTINGS, shop: { ...DEFAULT_APP_SETTINGS.shop, agentName: '阿杰' } });
      const format = () => tab.q('[data-kf="rules-try-format"]')?.textContent;
      const tail = '(replace each “…” with the real value; leave out any part you have no value for):';
      expect(format()).toBe(`By these rules, the remark on an order with a red flag is written like this ${tail} 【已核对可发货】优惠：…｜主管同意：…｜说明：…｜阿杰 ${today}`);
      type(tab.q('[data-kf="rules-try-flag"]'), 'quality-exchange');
      const rule = PRESET_A.records['quality-exchange'];
      expect(format()).toBe(`By these rules, a quality exchange record is written like this ${tail} 【${rule.title}】${rule.fields.map((f) => `${f.label}：…｜`).join('')}阿杰 ${today}`);
      type(tab.q('[data-kf="rules-try-flag"]'), 'nonquality-exchange');
      expect(format()).toMatch(/^By these rules, a non-quality exchange record is written like this /);
    } finally {
      setLocale('zh-CN');
    }
  });

  it('opens the editor and the try-a-remark box on 红旗, the first flag a shop marks orders with', async () => {
    const tab = await setup(false);
    expect(value(tab.q('[data-kf="editor-target"]'))).toBe('red');
    expect(value(tab.q('[data-kf="editor-title"]'))).toBe(PRESET_A.flags.red.title);
    expect(value(tab.q('[data-kf="rules-try-flag"]'))).toBe('red');
  });

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

  it('ticks the first-run steps it did: the convention on any save, the money limits when they were changed', async () => {
    const { q, click, patchSettings } = await setup();
    check(Array.from(document.querySelectorAll('[data-kf="editor-fields"] [data-kf="field-required"]'))[0]!, true);
    await click('[data-kf="rules-save"]');
    expect(patchSettings).toHaveBeenLastCalledWith({ setup: { remarks: true } });
    type(q('[data-kf="limit-agentDiscountYuan"]'), '50');
    await click('[data-kf="rules-save"]');
    expect(patchSettings).toHaveBeenLastCalledWith({ setup: { remarks: true, limits: true } });
  });

  it('lists remarks saved against the rules with the reason', async () => {
    const { q } = await setup();
    expect(q('[data-kf="remark-overrides"]')?.textContent).toContain('买家同意等');
  });

  it('keeps an unsaved edit when the rules are reloaded unchanged (a remark saved anyway, elsewhere)', async () => {
    const { q, changed } = await setup();
    type(q('[data-kf="editor-title"]'), '延迟发货-主管改');
    type(q('[data-kf="editor-meaning"]'), '主管正在改的说明');
    await changed();
    expect(value(q('[data-kf="editor-title"]'))).toBe('延迟发货-主管改');
    expect(value(q('[data-kf="editor-meaning"]'))).toBe('主管正在改的说明');
    expect(q('[data-kf="rules-unsaved"]')).not.toBeNull();
    expect((q('[data-kf="rules-save"]') as HTMLButtonElement).disabled).toBe(false);
    expect(q('[data-kf="changed-elsewhere"]')).toBeNull();
  });

  it('keeps the edit when another tab saves different rules, says so, refuses to overwrite them silently, and loads them on request', async () => {
    const { q, click, changed, saveRuleSet, storeElsewhere } = await setup();
    type(q('[data-kf="editor-title"]'), '延迟发货-主管改');
    storeElsewhere((r) => (r.flags.red.meaning = '另一位主管改的'));
    await changed();
    expect(value(q('[data-kf="editor-title"]'))).toBe('延迟发货-主管改');
    expect(q('[data-kf="changed-elsewhere"]')?.textContent).toContain('备注规则刚在别处被修改并保存了');
    expect(q('[data-kf="draft-merge"]')).toBeNull(); // a rule set's parts depend on each other: no merge
    await click('[data-kf="rules-save"]');
    expect(saveRuleSet).not.toHaveBeenCalled();
    expect(q('[data-kf="rules-status"]')?.textContent).toContain('会覆盖别处刚保存的修改');
    await click('[data-kf="draft-load"]');
    expect(value(q('[data-kf="editor-title"]'))).toBe('延迟发货');
    expect(q('[data-kf="rules-unsaved"]')).toBeNull();
    expect(q('[data-kf="changed-elsewhere"]')).toBeNull();
    type(q('[data-kf="editor-target"]'), 'red');
    expect(value(q('[data-kf="editor-meaning"]'))).toBe('另一位主管改的');
  });

  it('checks what is stored when saving: rules saved elsewhere a moment ago are not overwritten unless the user keeps theirs', async () => {
    const { q, click, saveRuleSet, storeElsewhere } = await setup();
    type(q('[data-kf="editor-title"]'), '延迟发货-主管改');
    storeElsewhere((r) => (r.limits.postageYuan = 12)); // its change notice has not arrived
    await click('[data-kf="rules-save"]');
    expect(saveRuleSet).not.toHaveBeenCalled();
    expect(q('[data-kf="changed-elsewhere"]')).not.toBeNull();
    await click('[data-kf="draft-keep"]');
    expect(q('[data-kf="changed-elsewhere"]')).toBeNull();
    await click('[data-kf="rules-save"]');
    expect(saveRuleSet).toHaveBeenCalledTimes(1);
    expect(saveRuleSet.mock.calls[0]![0].flags.purple.title).toBe('延迟发货-主管改');
    expect(q('[data-kf="rules-status"]')?.textContent).toBe('规则已保存。');
  });

  it('does not save an invalid edit', async () => {
    const { q } = await setup();
    type(q('[data-kf="editor-title"]'), '无效订单'); // purple would share gray's title
    expect(q('[data-kf="editor-errors"]')).not.toBeNull();
    expect((q('[data-kf="rules-save"]') as HTMLButtonElement).disabled).toBe(true);
  });
});
