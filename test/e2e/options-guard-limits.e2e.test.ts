/**
 * The options page measures money in templates against the shop's saved limits (备注规范), not the
 * default 20 元: a shop allowing 50 was told its 40元 template broke the rule. The built extension in
 * real Chromium: the 话术库 tab's list and form follow a limit changed in the 备注规范 tab, and the
 * money check is switched off in 合规规则 like the other built-in rules. Each test puts back what it changed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { callFromExtensionPage } from './pages';
import { optionsTabsSuite } from './suite';
import type { LibraryRecord } from '../../lib/storage/library';
import type { RuleSet } from '../../lib/domain/remarks/types';

const FORTY = { id: 'limits-e2e-forty', title: '诚心价让利', body: '看您是真心喜欢，这单给您优惠40元～', group: '议价', scenarios: ['bargain'] };

let library: LibraryRecord;
let ruleSet: RuleSet;
const s = optionsTabsSuite(async (other) => {
  const now = await callFromExtensionPage<LibraryRecord>(other, 'getLibrary');
  await callFromExtensionPage(other, 'saveLibrary', { groups: library.groups, templates: library.templates, baseUpdatedAt: now.updatedAt });
  await callFromExtensionPage(other, 'saveRuleSet', ruleSet);
  await callFromExtensionPage(other, 'saveGuardConfig', { v: 1, disabled: [], rules: [] });
});
beforeAll(async () => {
  library = await callFromExtensionPage<LibraryRecord>(s.other, 'getLibrary');
  ruleSet = await callFromExtensionPage<RuleSet>(s.other, 'getRuleSet');
});

/** The shop's saved limits, and a 40元 template in its library. */
async function shopAllowing(agentDiscountYuan: number) {
  await callFromExtensionPage(s.other, 'saveRuleSet', { ...ruleSet, limits: { ...ruleSet.limits, agentDiscountYuan } });
  const now = await callFromExtensionPage<LibraryRecord>(s.other, 'getLibrary');
  await callFromExtensionPage(s.other, 'saveLibrary', { groups: [...new Set([...now.groups, FORTY.group])], templates: [...now.templates, FORTY], baseUpdatedAt: now.updatedAt });
}

describe('the 话术库 tab and the shop’s money limits', () => {
  it('with a 50元 limit, a 40元 template breaks no rule; lowered to 30 in 备注规范, the list and the open form say so', async () => {
    await shopAllowing(50);
    const lib = await s.open('templates');
    const listed = lib.locator(`[data-kf="library-guard"] li[data-template-id="${FORTY.id}"]`);
    await lib.locator(`[data-template-id="${FORTY.id}"]`).first().waitFor();
    expect(await listed.count()).toBe(0);
    await lib.locator('[data-kf="new-template"]').click();
    const body = lib.locator('[data-kf="template-form"] textarea[name="body"]');
    await body.fill('这单给您优惠40元');
    expect(await lib.locator('[data-kf="template-guard"]').count()).toBe(0);
    await body.fill('这单给您优惠60元');
    await expect.poll(() => lib.locator('[data-kf="template-guard"]').textContent()).toContain('50 元');

    // The shop lowers its limit in the 备注规范 tab and saves.
    const rules = await s.open('remark-rules');
    await rules.locator('[data-kf="limit-agentDiscountYuan"]').fill('30');
    await rules.locator('[data-kf="rules-save"]').click();
    await expect.poll(() => callFromExtensionPage<RuleSet>(s.other, 'getRuleSet').then((r) => r.limits.agentDiscountYuan)).toBe(30);

    await listed.waitFor();
    expect(await listed.textContent()).toContain('30 元');
    await body.fill('这单给您优惠40元');
    await expect.poll(() => lib.locator('[data-kf="template-guard"]').textContent()).toContain('30 元');
  });

  it('lists the money check in 合规规则 with the shop’s limit; switched off there, the 40元 template is no longer listed at a 20元 limit', async () => {
    await shopAllowing(20);
    const lib = await s.open('templates');
    const listed = lib.locator(`[data-kf="library-guard"] li[data-template-id="${FORTY.id}"]`);
    await listed.waitFor();
    expect(await listed.textContent()).toContain('20 元');

    const guard = await s.open('guard');
    const row = guard.locator('[data-kf="guard-builtin"] tr[data-rule-id="over-limit-discount"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('超出权限的优惠');
    expect(await row.textContent()).toContain('20 元');
    // One click, then what it saved: the box is drawn from the stored config, and a re-read landing
    // between the click and the save's answer (shopAllowing's change notice) draws it checked a moment
    // longer (CI on 6c7263b: uncheck() saw no change, both tries).
    await row.locator('input[type="checkbox"]').click();
    await expect.poll(() => callFromExtensionPage<{ disabled: string[] }>(s.other, 'getGuardConfig').then((c) => c.disabled)).toEqual(['over-limit-discount']);
    await expect.poll(() => row.locator('input[type="checkbox"]').isChecked()).toBe(false);
    await expect.poll(() => listed.count()).toBe(0);
  });
});
