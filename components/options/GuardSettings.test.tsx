// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { PRESET_A } from '@/lib/domain/remarks/presets';
import { GuardSettings } from './GuardSettings';
import { TemplateEditor } from './TemplateEditor';
import { type } from '../remarks/testing';
import { mountTab } from './testing';
import { registerMessages, setLocale } from '@/lib/i18n';
import { validateGuardConfig } from '@/lib/domain/guard/config';
import { CallError } from '@/lib/messaging/client';
import { options } from '@/lib/i18n/messages/options';
import { DEFAULT_APP_SETTINGS } from '@/lib/storage/settings';
import { STARTER_LIBRARY } from '@/lib/domain/templates/starter';
import type { GuardConfig } from '@/lib/domain/guard/types';
import { applyGuardPatch, type GuardPatch } from '@/lib/domain/guard/config';

registerMessages(options);
vi.mock('@/lib/browser', () => ({ browser: {} }));

const noShopRules = (): GuardConfig => ({ v: 1, disabled: [], rules: [] });

/**
 * The background as far as these settings go: the stored settings, replaced by a save and changed
 * in place by a patch (as lib/storage/guard.ts does).
 */
function guardBackend(start = noShopRules()) {
  const b = {
    stored: start,
    replies: {
      getGuardConfig: () => structuredClone(b.stored),
      getRuleSet: () => PRESET_A,
      getSettings: () => DEFAULT_APP_SETTINGS,
      saveGuardConfig: (c: GuardConfig) => (b.stored = c),
      patchGuardConfig: (p: GuardPatch) => (b.stored = applyGuardPatch(b.stored, p)!),
    },
  };
  return b;
}

describe('compliance settings in the options page', () => {
  it('says where the money limits it quotes are changed: a link to 备注规则 → 售后限额', async () => {
    const b = guardBackend();
    const { q } = await mountTab(<GuardSettings />, { ...b.replies, getRuleSet: () => ({ ...PRESET_A, limits: { agentDiscountYuan: 35, postageYuan: 8 } }) });
    expect(q('[data-kf="guard-limits"]')!.textContent).toContain('客服自己最多让利 35 元，运费 8 元');
    const link = q('[data-kf="guard-limits-link"]') as HTMLAnchorElement;
    expect(link.textContent).toContain('在“备注规则 → 售后限额”里修改');
    expect(link.getAttribute('href')).toBe('#remark-rules:limits');
  });

  it('adds a shop rule from words separated by commas, switches a built-in rule off, and removes the rule', async () => {
    const b = guardBackend();
    const { q, click, submit } = await mountTab(<GuardSettings />, b.replies, { notify: ['patchGuardConfig'] });
    type(q('[data-kf="guard-add"] input[name="words"]'), '秒发，当天达');
    type(q('[data-kf="guard-add"] input[name="reason"]'), '本店不承诺时效');
    await submit('[data-kf="guard-add"]');
    expect(b.stored.rules).toMatchObject([{ words: ['秒发', '当天达'], severity: 'warn', platforms: ['any'], reason: '本店不承诺时效' }]);
    const off = q('[data-kf="guard-builtin"] tr[data-rule-id="absolute-first"] input') as HTMLInputElement;
    expect(off.checked).toBe(true);
    await click('[data-kf="guard-builtin"] tr[data-rule-id="absolute-first"] input');
    expect(b.stored.disabled).toEqual(['absolute-first']);
    await click('[data-kf="guard-shop-rules"] button');
    expect(b.stored).toMatchObject({ disabled: ['absolute-first'], rules: [] });
  });

  it('keeps a reason or rewrite pasted longer than 200 characters whole, says by how much it is over and adds no rule until it is shortened', async () => {
    const b = guardBackend();
    const { q, submit, call } = await mountTab(<GuardSettings />, b.replies, { notify: ['patchGuardConfig'] });
    const reason = () => q('[data-kf="guard-add"] input[name="reason"]') as HTMLInputElement;
    const long = '平台规定不能承诺具体送达时间'.repeat(16); // 224 characters
    expect(reason().hasAttribute('maxlength')).toBe(false);
    expect(q('[data-kf="guard-add"] input[name="replacement"]')!.hasAttribute('maxlength')).toBe(false);
    type(q('[data-kf="guard-add"] input[name="words"]'), '当天达');
    type(reason(), long);
    type(q('[data-kf="guard-add"] input[name="replacement"]'), long.slice(0, 210));
    await submit('[data-kf="guard-add"]');
    expect(call).not.toHaveBeenCalledWith('patchGuardConfig', expect.anything());
    expect(reason().value).toBe(long);
    expect(q('[data-kf="guard-reason-too-long"]')?.textContent).toBe('最多 200 字，现在 224 字（多 24 字）。文字都还在，缩短后才能保存。');
    expect(q('[data-kf="guard-replacement-too-long"]')?.textContent).toContain('多 10 字');
    expect((q('[data-kf="guard-add-rule"]') as HTMLButtonElement).disabled).toBe(true);
    type(reason(), long.slice(0, 200));
    type(q('[data-kf="guard-add"] input[name="replacement"]'), '预计两三天送达');
    expect(q('[data-kf="guard-reason-too-long"]')).toBeNull();
    await submit('[data-kf="guard-add"]');
    expect(b.stored.rules).toMatchObject([{ words: ['当天达'], reason: long.slice(0, 200), replacement: '预计两三天送达' }]);
  });

  it('switching a rule keeps what another tab changed since this one loaded (the switch is sent alone)', async () => {
    const b = guardBackend();
    const { click } = await mountTab(<GuardSettings />, b.replies);
    // Another options tab adds a rule and switches one off; this tab has not reloaded.
    b.stored = { v: 1, disabled: ['qr-code'], rules: [{ id: 'shop-other', words: ['秒发'], severity: 'warn', platforms: ['any'], reason: '别的窗口加的' }] };
    await click('[data-kf="guard-builtin"] tr[data-rule-id="absolute-first"] input');
    expect(b.stored).toMatchObject({ disabled: ['qr-code', 'absolute-first'], rules: [{ id: 'shop-other' }] });
  });

  it.each([
    ['zh-CN', '保存失败：合规规则第 1 条：每个词最多 40 字（填写的内容仍保留在页面上）'],
    ['en', 'Could not save: the input is not acceptable (guard rule 1: each word at most 40 characters) (your input is still on the page)'],
  ] as const)('says why a rule was not saved in the interface language alone (%s), keeping the input', async (locale, status) => {
    setLocale(locale);
    try {
      // The background checks the rule in the shop's language (lib/messaging/handlers/guard.ts).
      const { q, submit } = await mountTab(<GuardSettings />, {
        getGuardConfig: noShopRules, getRuleSet: () => PRESET_A,
        getSettings: () => DEFAULT_APP_SETTINGS,
        patchGuardConfig: (p: GuardPatch) => {
          const r = validateGuardConfig(applyGuardPatch(noShopRules(), p), locale);
          if (!r.ok) throw new CallError('invalid', r.errors.join('\n'));
          return r.config;
        },
      });
      type(q('[data-kf="guard-add"] input[name="words"]'), '长'.repeat(41));
      type(q('[data-kf="guard-add"] input[name="reason"]'), '太长');
      await submit('[data-kf="guard-add"]');
      expect(q('[data-kf="status"]')!.textContent).toBe(status);
      expect((q('[data-kf="guard-add"] input[name="words"]') as HTMLInputElement).value).toBe('长'.repeat(41));
    } finally {
      setLocale('zh-CN');
    }
  });

  it('shows the words and why for a reply typed into the try-out box', async () => {
    const { q } = await mountTab(<GuardSettings />, { getGuardConfig: noShopRules, getRuleSet: () => PRESET_A, getSettings: () => DEFAULT_APP_SETTINGS });
    type(q('[data-kf="guard-try"]'), '好评返现5元');
    expect(q('[data-kf="guard-try-result"]')!.textContent).toMatch(/好评返现.*反不正当竞争/);
  });
});

describe('the money check in the options page (the shop’s limits: 备注规范)', () => {
  const shopAllows50 = () => ({ ...PRESET_A, limits: { agentDiscountYuan: 50, postageYuan: 15 } });

  it('lists the money rules with the other built-in rules, naming the shop’s saved limits, and switches one off', async () => {
    const b = guardBackend();
    b.replies.getRuleSet = shopAllows50;
    const { q, click } = await mountTab(<GuardSettings />, b.replies, { notify: ['patchGuardConfig'] });
    const row = (id: string) => q(`[data-kf="guard-builtin"] tr[data-rule-id="${id}"]`) as HTMLElement;
    expect(row('over-limit-discount').textContent).toContain('超出权限的优惠');
    expect(row('over-limit-discount').textContent).toContain('最多可以让利 50 元');
    expect(row('over-limit-compensation').textContent).toContain('运费（15 元）');
    expect(row('over-limit-discount').textContent).not.toContain('{limit}');
    type(q('[data-kf="guard-try"]'), '这单直接给您退60元');
    expect(q('[data-kf="guard-try-result"]')!.textContent).toContain('超出权限');
    await click('[data-kf="guard-builtin"] tr[data-rule-id="over-limit-discount"] input');
    expect(b.stored.disabled).toEqual(['over-limit-discount']);
    expect(q('[data-kf="guard-try-result"]')!.textContent).toBe('没有发现问题');
  });

  // One switch, one limit (guard11): compensation switched off is measured against the agent's own limit, as the page says.
  it('with the compensation rule switched off, still holds defect money over the agent’s own limit, as the page says', async () => {
    const b = guardBackend();
    const { q, click } = await mountTab(<GuardSettings />, b.replies, { notify: ['patchGuardConfig'] });
    expect(q('[data-kf="guard-limits"]')!.textContent).toContain('关掉“超出权限的补偿”后，补偿（包括因破损、色差等折价的钱）改按客服自己的 20 元判断');
    await click('[data-kf="guard-builtin"] tr[data-rule-id="over-limit-compensation"] input');
    expect(b.stored.disabled).toEqual(['over-limit-compensation']);
    type(q('[data-kf="guard-try"]'), '杯子有划痕，给您退40元您看行吗');
    expect(q('[data-kf="guard-try-result"]')!.textContent).toContain('客服自己最多可以让利 20 元');
    type(q('[data-kf="guard-try"]'), '杯子有划痕，给您退15元您看行吗');
    expect(q('[data-kf="guard-try-result"]')!.textContent).toBe('没有发现问题');
  });

  it('checks templates against the default limits when the shop’s rules cannot be read, and lists nothing before they are known', async () => {
    const forty = { id: 'm', title: '议价让利', body: '这单给您优惠40元～', group: '常用', scenarios: ['bargain' as const] };
    let answer: (r: unknown) => void = () => {};
    const later = new Promise((r) => (answer = r));
    const { q, changed } = await mountTab(<TemplateEditor />, {
      getLibrary: () => ({ v: 2, groups: ['常用'], templates: [forty], updatedAt: 1 }),
      getGuardConfig: noShopRules,
      getRuleSet: () => later,
      getSettings: () => DEFAULT_APP_SETTINGS,
      teamStatus: () => ({ config: null, status: { state: 'off', pending: 0 } }),
    });
    expect(q('[data-kf="library-guard"]')).toBeNull();
    answer(shopAllows50());
    await changed();
    expect(q('[data-kf="library-guard"]')!.textContent).toContain('没有违反规则');
    const broken = await mountTab(<TemplateEditor />, {
      getLibrary: () => ({ v: 2, groups: ['常用'], templates: [forty], updatedAt: 1 }),
      getGuardConfig: noShopRules,
      getRuleSet: () => {
        throw new Error('damaged');
      },
      getSettings: () => DEFAULT_APP_SETTINGS,
      teamStatus: () => ({ config: null, status: { state: 'off', pending: 0 } }),
    });
    expect(broken.q('[data-kf="library-guard"] li[data-template-id="m"]')!.textContent).toContain('20 元');
  });

  it('tries a reply against the shop’s saved limits, not the default 20 元', async () => {
    const b = guardBackend();
    b.replies.getRuleSet = shopAllows50;
    const { q } = await mountTab(<GuardSettings />, b.replies);
    type(q('[data-kf="guard-try"]'), '这单给您优惠40元');
    expect(q('[data-kf="guard-try-result"]')!.textContent).not.toContain('超出权限');
  });

  it('checks templates against the shop’s saved limits, and again when they change', async () => {
    let rules = shopAllows50();
    const forty = { id: 'm', title: '议价让利', body: '看您诚心要，这单给您优惠40元～', group: '常用', scenarios: ['bargain' as const] };
    const { q, click, changed } = await mountTab(<TemplateEditor />, {
      getLibrary: () => ({ v: 2, groups: ['常用'], templates: [forty], updatedAt: 1 }),
      getGuardConfig: noShopRules,
      getRuleSet: () => rules,
      getSettings: () => DEFAULT_APP_SETTINGS,
      teamStatus: () => ({ config: null, status: { state: 'off', pending: 0 } }),
    });
    expect(q('[data-kf="library-guard"]')!.textContent).toContain('没有违反规则');
    await click('[data-kf="new-template"]');
    type(q('[data-kf="template-form"] textarea[name="body"]'), '这单给您优惠40元');
    expect(q('[data-kf="template-guard"]')).toBeNull();
    type(q('[data-kf="template-form"] textarea[name="body"]'), '这单给您优惠60元');
    expect(q('[data-kf="template-guard"]')!.textContent).toContain('50 元');
    // The shop lowers its limit in 备注规范 (another tab): the list and the form are checked again.
    rules = { ...PRESET_A, limits: { agentDiscountYuan: 30, postageYuan: 10 } };
    await changed();
    expect(q('[data-kf="library-guard"] li[data-template-id="m"]')!.textContent).toContain('30 元');
    type(q('[data-kf="template-form"] textarea[name="body"]'), '这单给您优惠40元');
    expect(q('[data-kf="template-guard"]')!.textContent).toContain('30 元');
  });
});

describe('the template editor and the guard', () => {
  /** No team mode. */
  const teamStatus = () => ({ config: null, status: { state: 'off', pending: 0 } });

  it('says the starter library breaks no rule', async () => {
    const { q } = await mountTab(<TemplateEditor />, { getLibrary: () => ({ v: 2, ...STARTER_LIBRARY, updatedAt: 1 }), getGuardConfig: noShopRules, getRuleSet: () => PRESET_A, getSettings: () => DEFAULT_APP_SETTINGS, teamStatus });
    expect(q('[data-kf="library-guard"]')!.textContent).toContain('没有违反规则');
  });

  it('lists a template that breaks a rule, and checks the body while it is edited', async () => {
    const bad = { id: 'x', title: '加微信', body: '加我vx发图', group: '常用', scenarios: ['thanks' as const] };
    const { q, click } = await mountTab(<TemplateEditor />, { getLibrary: () => ({ v: 2, groups: ['常用'], templates: [bad], updatedAt: 1 }), getGuardConfig: noShopRules, getRuleSet: () => PRESET_A, getSettings: () => DEFAULT_APP_SETTINGS, teamStatus });
    const list = q('[data-kf="library-guard"]')!;
    expect(list.querySelector('li[data-template-id="x"]')!.textContent).toContain('vx');
    await click('[data-kf="new-template"]');
    expect(q('[data-kf="template-guard"]')).toBeNull();
    type(q('[data-kf="template-form"] textarea[name="body"]'), '这款是国家级工艺');
    expect(q('[data-kf="template-guard"]')!.textContent).toContain('国家级');
  });
});
